import type { Question } from '../model/question';

export interface QuestionStore {
  get(id: string): Promise<Question | null>;
  save(question: Question): Promise<void>;
  /** Open questions, oldest first. */
  listOpen(): Promise<Question[]>;
  listByCitizen(citizenId: string): Promise<Question[]>;
  /** Questions are personal text: erasure deletes them. */
  removeByCitizen(citizenId: string): Promise<void>;
}
