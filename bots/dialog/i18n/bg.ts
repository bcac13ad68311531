import type { Catalog } from './en';

/**
 * Bulgarian has one form for 1 and another after other numbers; masculine nouns take their count form
 * there (`1 проект`, `5 проекта`), so the caller passes both forms.
 */
const plural = (n: number, one: string, other: string): string => (n === 1 ? one : other);

/** `1 проект`, `3 проекта`. */
const projects = (n: number): string => `${n} ${plural(n, 'проект', 'проекта')}`;

/** Bulgarian catalog: the polite „Вие“ form throughout (capitalised, as in letters from the city), „…“ around titles. */
export const bg: Catalog = {
  languageName: 'Български',

  // Onboarding
  welcome:
    'Здравейте! Аз съм Agora – Вашият помощник за гражданския бюджет на града. Тук можете да предлагате проекти, да ги подкрепяте, да гласувате и да следите какво се изгражда.',
  chooseLanguage: 'Кой език предпочитате?',
  languageSet: 'Готово, отсега нататък ще Ви пиша на български.',
  privacy:
    'Преди да се включите: пазим идентификатора на профила Ви в чат приложението, езика Ви и това, което правите тук (предложения, подкрепа, гласове). Публичните резултати никога не показват името Ви, а в отворените данни бюлетините са анонимни. По всяко време можете да видите или изтриете данните си от „Настройки“. Съгласни ли сте?',
  consentYes: 'Съгласявам се',
  consentNo: 'Не сега',
  consentThanks: 'Благодаря! Ето какво можете да направите.',
  consentDeclined:
    'Няма проблем. Можете спокойно да разгледате. Ще Ви попитам отново, когато решите да предложите проект, да подкрепите или да гласувате.',
  consentNeeded: 'За да участвате, първо ми трябва съгласието Ви с начина, по който обработваме данните Ви.',

  // Menu, help, small talk
  menu: 'Какво бихте искали да направите?',
  menuChallenges: '🏛 Предизвикателства',
  menuActivity: '📋 Моето участие',
  menuAsk: '❓ Задайте въпрос',
  menuSettings: '⚙️ Настройки',
  menuHelp: 'ℹ️ Помощ',
  help: 'Мога да Ви покажа отворените предизвикателства и техните проекти, да приема идеята Ви за проект, да отбележа подкрепата Ви, да Ви помогна да гласувате и да Ви държа в течение как вървят нещата. Команди: /challenges, /propose, /vote, /results, /my, /ask, /language, /settings, /cancel, /help. Можете и просто да напишете например „искам да гласувам“ или „какво получи финансиране?“.',
  greet: 'Здравейте!',
  thanks: 'Няма защо!',
  goodbye: 'Довиждане! Ще Ви пиша, когато има новини за това, което следите.',
  fallback: 'Съжалявам, не разбрах.',
  suggestions: 'Ето какво можете да направите сега:',
  cancelled: 'Прекратено. Нищо не е изпратено.',
  nothingToCancel: 'В момента няма какво да се отмени.',
  expired: 'Нещо беше останало недовършено доста време, затова го прекратих. Нищо не е изпратено.',
  staleButton: 'Този бутон е от по-ранна стъпка и вече не важи.',
  unsupportedMessage: 'Не мога да прочета такъв вид съобщение. Моля, пишете текст или използвайте бутоните.',
  tooLong: (max: string) => `Съобщението е твърде дълго. Моля, съкратете го до ${max} знака.`,

  // Buttons shared by several screens
  btnBack: '⬅️ Назад',
  btnMenu: '🏠 Меню',
  btnMore: 'Още ➡️',
  btnPrev: '⬅️ Предишни',
  btnCancel: '✖️ Отказ',
  btnSkip: 'Пропускане',
  btnYes: 'Да',
  btnNo: 'Не',

  // Challenges and projects
  phase: {
    draft: 'в подготовка',
    informing: 'период на информиране',
    proposals: 'приемане на предложения',
    review: 'разглеждане на предложенията',
    supports: 'събиране на подкрепа',
    voting: 'гласуване',
    results: 'резултати',
    implementation: 'в изпълнение',
    closed: 'приключило',
  },
  status: {
    submitted: 'очаква разглеждане',
    accepted: 'в бюлетината',
    rejected: 'неодобрено',
    selected: 'избрано за финансиране',
    not_selected: 'неизбрано',
    in_progress: 'в изпълнение',
    completed: 'завършено',
    cancelled: 'отменено',
  },
  noChallenges:
    'В момента няма отворени предизвикателства. Ако следите новините на града, ще Ви съобщя, когато се отвори ново.',
  challengesTitle: (page: number, pages: number) =>
    pages > 1 ? `Отворени предизвикателства (страница ${page} от ${pages}):` : 'Отворени предизвикателства:',
  challengeLine: (title: string, phase: string, budget: string, until: string | null) =>
    `• ${title}: ${phase}, бюджет ${budget}${until ? `, до ${until}` : ''}`,
  challengeDetail: (
    title: string,
    description: string,
    phase: string,
    budget: string,
    until: string | null,
  ) => `${title}\n\n${description}\n\nЕтап: ${phase}${until ? ` (до ${until})` : ''}. Бюджет: ${budget}.`,
  btnPropose: '✍️ Предложете проект',
  btnProjects: '📂 Проекти',
  btnSupport: '👍 Подкрепете',
  btnVote: '🗳 Гласувайте',
  btnResults: '📊 Резултати',
  btnFollow: '🔔 Следете',
  btnUnfollow: '🔕 Спрете да следите',
  btnAsk: '❓ Попитайте за това',
  btnRate: '⭐ Оценете',
  projectsTitle: (title: string, page: number, pages: number) =>
    pages > 1 ? `Проекти в „${title}“ (страница ${page} от ${pages}):` : `Проекти в „${title}“:`,
  noProjects: 'Тук все още няма проекти.',
  projectLine: (ref: string, title: string, cost: string, status: string) =>
    `${ref}. ${title}: ${cost} (${status})`,
  projectDetail: (ref: string, title: string, cost: string, status: string, description: string) =>
    `${ref}. ${title}\nСтойност: ${cost}\nСтатус: ${status}${description ? `\n\n${description}` : ''}`,
  supportsCount: (n: string) => `Подкрепили: ${n}`,
  progressLine: (p: string) => `Напредък: ${p}`,
  lastUpdate: (when: string, text: string) => `Последна актуализация (${when}): ${text}`,
  rejectedBecause: (reason: string) => `Причина за неодобрението: ${reason}`,
  whichChallenge: 'Кое предизвикателство?',
  whichProject: 'Кой проект? Изберете го от списъка.',
  notFound: 'Не успях да го намеря. Моля, изберете от списъка.',

  // Proposing
  proposeNotOpen: (title: string) => `„${title}“ в момента не приема предложения.`,
  proposeNoChallenge: 'В момента никое предизвикателство не приема предложения.',
  proposeTitle: (challenge: string) =>
    `Чудесно, нов проект за „${challenge}“. Какво е заглавието му? Един кратък ред, моля.`,
  proposeDescription: 'Сега го опишете с няколко изречения: какво, къде и кой ще има полза?',
  proposeCost: (budget: string) =>
    `Колко смятате, че ще струва? Напишете сума, например 15000 (целият бюджет е ${budget}).`,
  proposeCostInvalid: (budget: string) =>
    `Нужна ми е сума над нула, която се вписва в бюджета от ${budget}. Например: 15000 или 15к.`,
  proposeLocation:
    'Къде се намира? Ако искате, изпратете местоположение или снимка, или натиснете „Пропускане“.',
  proposeReview: (title: string, description: string, cost: string, extra: string) =>
    `Моля, проверете предложението си:\n\nЗаглавие: ${title}\nОписание: ${description}\nСтойност: ${cost}${extra}\n\nДа го изпратя ли?`,
  proposeHasLocation: '\nМестоположение: изпратено',
  proposeHasPhoto: '\nСнимка: прикачена',
  btnSubmit: '✅ Изпратете',
  btnEditTitle: 'Промяна на заглавието',
  btnEditDescription: 'Промяна на описанието',
  btnEditCost: 'Промяна на стойността',
  proposeSent: (ref: string) =>
    `Изпратено! Предложението Ви е с номер ${ref}. Служител на общината ще го разгледа и ще Ви съобщя резултата.`,
  proposeTextInvalid: (max: string) => `Моля, напишете текст (до ${max} знака).`,

  // Supporting
  supportsNotOpen: 'В момента не се събира подкрепа за това предизвикателство.',
  supported: (title: string) => `Благодаря, подкрепихте „${title}“.`,
  alreadySupported: (title: string) => `Вече подкрепяте „${title}“.`,

  // Voting
  voteNotOpen: (title: string) => `Гласуването за „${title}“ в момента не е отворено.`,
  voteNoChallenge: 'В момента няма отворено гласуване.',
  ballotKnapsack: (title: string, left: string, budget: string) =>
    `Вашата бюлетина за „${title}“. Натиснете проект, за да го добавите или премахнете. Остават ${left} от ${budget}.`,
  ballotApproval: (title: string, min: number, max: number, chosen: number) =>
    `Вашата бюлетина за „${title}“. Изберете ${min === max ? projects(max) : `от ${min} до ${projects(max)}`} (избрани: ${chosen}).`,
  ballotRanked: (title: string, max: number) =>
    `Вашата бюлетина за „${title}“. Натискайте проектите по реда на предпочитанията си, като започнете с най-предпочитания (до ${max}). Натиснете отново, за да премахнете проект.`,
  ballotCumulative: (title: string, left: number, points: number) =>
    `Вашата бюлетина за „${title}“. Всяко натискане дава на проекта една точка. Свободни точки: ${left} от ${points}.`,
  btnSubmitBallot: '✅ Подайте бюлетината',
  btnClearBallot: '🧹 Изчистване',
  ballotEmpty: 'Бюлетината Ви е празна: изберете поне един проект.',
  ballotOverBudget: (cost: string, left: string) =>
    `Този проект струва ${cost}, а от бюджета остават само ${left}. Първо премахнете нещо.`,
  ballotTooMany: (max: number) => `Можете да изберете най-много ${projects(max)}. Първо премахнете един.`,
  ballotNoPointsLeft: 'Нямате повече точки. Изчистете бюлетината, за да започнете отначало.',
  ballotCast: (receipt: string) =>
    `Гласът Ви е приет. Кодът Ви за проверка е ${receipt}: запазете го, за да проверите, че бюлетината Ви е преброена. Можете да промените гласа си, докато гласуването не приключи.`,
  ballotChanged: (receipt: string) =>
    `Гласът Ви е променен. Новият Ви код за проверка е ${receipt} (старият вече се показва като заменен).`,
  yourBallot: (title: string, receipt: string) =>
    `Вашата бюлетина за „${title}“ (код за проверка ${receipt}).`,

  // Activity and following
  activityTitle: 'Вашето участие:',
  activityProposals: 'Вашите предложения:',
  activityBallots: 'Вашите бюлетини:',
  activityFollows: (n: number) => `Следите ${n} ${plural(n, 'тема', 'теми')}.`,
  activityNothing: 'Все още не сте участвали. Разгледайте предизвикателствата!',
  followed: (title: string) => `Следите „${title}“. Ще Ви пиша, когато има новини.`,
  unfollowed: (title: string) => `Вече не следите „${title}“.`,

  // Results
  resultsNotYet: (title: string) => `Резултатите за „${title}“ все още не са публикувани.`,
  resultsNone: 'Все още няма публикувани резултати.',
  resultsTitle: (title: string, funded: number, total: string, budget: string) =>
    `Резултати за „${title}“: ${funded} ${plural(funded, 'финансиран проект', 'финансирани проекта')}, общо ${total} от ${budget}.`,
  resultsRuleGreedy: 'Класирано по брой гласове (алчен метод).',
  resultsRuleMes:
    'Преброено по „Метод на равните дялове“, така че всяка група гласоподаватели получава справедливия си дял.',
  chartLegendSelected: 'финансирани',
  chartLegendNotSelected: 'нефинансирани',
  chartLegendVotes: 'гласове',

  // Rating
  rateAsk: (title: string) => `Как оценявате „${title}“?`,
  rated: (stars: number) => `Благодаря за оценката: ${stars} от 5.`,
  rateNotAllowed: 'Могат да се оценяват само завършени проекти.',

  // Questions
  askPrompt: 'Какво бихте искали да попитате? Напишете въпроса си.',
  faqAnswer: (answer: string) => `${answer}`,
  faqHelpful: 'Това отговори ли на въпроса Ви?',
  btnAskOfficial: 'Попитайте служител',
  questionForwarded: 'Предадох въпроса Ви на служителите на общината. Ще Ви изпратя отговора им тук.',
  questionAnswered: (question: string, answer: string) => `Отговор на въпроса Ви „${question}“:\n\n${answer}`,

  // Settings
  settingsTitle: (language: string, notifications: boolean, verified: string) =>
    `Настройки\nЕзик: ${language}\nИзвестия: ${notifications ? 'включени' : 'изключени'}\nПотвърждаване: ${verified}`,
  verification: { none: 'няма', phone: 'чрез телефонен номер', code: 'с общински код' },
  btnLanguage: '🌐 Език',
  btnNotificationsOn: '🔔 Включете известията',
  btnNotificationsOff: '🔕 Изключете известията',
  btnVerifyPhone: '📱 Потвърждаване с телефона ми',
  btnVerifyCode: '🔑 Имам общински код',
  btnLink: '🔗 Свържете друго приложение',
  btnEnterLinkCode: '🔗 Имам код за свързване',
  btnExport: '📦 Моите данни',
  btnDelete: '🗑 Изтриване на данните ми',
  notificationsOn: 'Известията са включени: ще Ви пиша за това, което следите.',
  notificationsOff: 'Известията са изключени. Пак ще отговарям на Вашите въпроси и предложения.',
  sharePhone:
    'Натиснете бутона по-долу, за да споделите телефонния си номер. Съхранява се само негов цифров отпечатък, не самият номер.',
  btnSharePhone: '📱 Споделяне на номера ми',
  phoneVerified: 'Благодаря, телефонът Ви е потвърден.',
  phoneNotOwn: 'Моля, споделете чрез бутона собствения си контакт, а не чужд.',
  codePrompt: 'Моля, въведете общинския си код.',
  codeVerified: 'Благодаря, профилът Ви е потвърден.',
  codeInvalid: 'Този код не е валиден. Моля, проверете го и опитайте отново.',
  linkCode: (code: string, minutes: number) =>
    `Вашият код за свързване е ${code}. В рамките на ${minutes} ${plural(minutes, 'минута', 'минути')} отворете Agora в другото приложение, изберете „Настройки“, след това „Имам код за свързване“ и го въведете.`,
  linkPrompt: 'Въведете кода за свързване, който получихте в другото приложение.',
  linked: 'Готово! Двете приложения вече използват един и същ профил.',
  exportReady: (json: string) => `Ето всичко, което пазим за Вас:\n${json}`,
  deleteConfirm:
    'Да изтрием ли всичките Ви данни? Предложенията и бюлетините Ви остават отчетени, но вече няма да бъдат свързани с Вас. Това действие е необратимо.',
  btnDeleteYes: 'Да, изтрийте всичко',
  deleted: 'Данните Ви са изтрити. Довиждане! Ако пишете отново, ще започнете отначало с нов профил.',

  // Verification-required and other errors from the rules
  error: {
    NOT_FOUND: 'Това вече не може да бъде намерено.',
    INVALID_INPUT: 'Нещо не е съвсем наред. Моля, проверете и опитайте отново.',
    CONSENT_REQUIRED:
      'За да участвате, първо ми трябва съгласието Ви с начина, по който обработваме данните Ви.',
    NOT_ELIGIBLE:
      'За това предизвикателство е нужен потвърден профил. Можете да го потвърдите от „Настройки“.',
    CITIZEN_ERASED: 'Този профил е изтрит.',
    PHONE_IN_USE:
      'Този телефонен номер вече е потвърдил друг профил. Един номер потвърждава един човек; ако другият профил е ваш, свържете приложенията си от Настройки → Свържете друго приложение.',
    PROPOSALS_CLOSED: 'Това предизвикателство вече не приема предложения.',
    SUPPORTS_CLOSED: 'В момента не се събира подкрепа.',
    VOTING_CLOSED: 'Гласуването е приключило, затова бюлетината вече не може да бъде променяна.',
    ALREADY_SUPPORTED: 'Вече подкрепяте този проект.',
    NOT_SUPPORTABLE: 'Този проект не може да бъде подкрепен.',
    RULES_LOCKED: 'Правилата вече не могат да се променят.',
    INVALID_TRANSITION: 'Това не е възможно на този етап.',
    OVER_BUDGET: 'Избраните проекти струват повече от бюджета.',
    UNDER_MINIMUM_BUDGET: 'Моля, използвайте по-голяма част от бюджета, преди да подадете бюлетината.',
    TOO_FEW_PROJECTS: 'Моля, изберете повече проекти.',
    TOO_MANY_PROJECTS: 'Избрали сте твърде много проекти.',
    UNKNOWN_PROJECT: 'Един от проектите вече не съществува.',
    PROJECT_NOT_ON_BALLOT: 'Един от проектите не е в бюлетината.',
    DUPLICATE_CHOICE: 'Един проект е избран два пъти.',
    INVALID_POINTS: 'Точките не са валидни.',
    POINTS_EXCEEDED: 'Раздали сте повече точки, отколкото имате.',
    EMPTY_BALLOT: 'Бюлетината Ви е празна: изберете поне един проект.',
    RATING_NOT_ALLOWED: 'Могат да се оценяват само завършени проекти.',
    INVALID_RATING: 'Оценката е от 1 до 5 звезди.',
    LINK_CODE_INVALID: 'Този код за свързване не е валиден или е изтекъл.',
    IDENTITY_TAKEN: 'Този профил вече е свързан с друг човек.',
    LINK_ACCOUNT_HAS_ACTIVITY:
      'Този профил в приложението вече е участвал самостоятелно, затова не може да бъде обединен. Използвайте другото приложение.',
    ALREADY_ANSWERED: 'На това вече е отговорено.',
    RESULTS_NOT_AVAILABLE: 'Резултатите все още не са публикувани.',
  },
  slowDown: 'Изпращате съобщения много бързо. Моля, изчакайте няколко секунди и продължете.',
  somethingWrong: 'Нещо се обърка от наша страна. Моля, опитайте отново след малко.',

  // Notifications pushed through the outbox
  notify: {
    reviewedAccepted: (title: string) =>
      `Добра новина: предложението Ви „${title}“ е одобрено и ще бъде включено в бюлетината.`,
    reviewedRejected: (title: string, reason: string) =>
      `Предложението Ви „${title}“ не е одобрено. Посочена причина: ${reason}`,
    reviewedCost: (title: string, cost: string) =>
      `Стойността на предложението Ви „${title}“ е определена на ${cost}.`,
    update: (title: string, text: string) => `Новини за „${title}“: ${text}`,
    results: (title: string, funded: number) =>
      `Резултатите за „${title}“ са публикувани: ${funded} ${plural(funded, 'проект ще бъде финансиран', 'проекта ще бъдат финансирани')}.`,
    announcement: (title: string, text: string) => `${title}: ${text}`,
  },
};
