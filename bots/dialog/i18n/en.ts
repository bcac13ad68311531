import type { Phase } from '../../../core/model/phase';
import type { ProposalStatus } from '../../../core/model/proposal';

/**
 * Every sentence the bot says, in English. The other catalogs must have exactly this shape (the
 * `Catalog` type is derived from it), so a missing translation is a compile error. Amounts and dates
 * arrive already formatted for the locale (see format.ts); functions only place them.
 */
const projects = (n: number): string => `${n} ${n === 1 ? 'project' : 'projects'}`;

export const en = {
  languageName: 'English',

  // Onboarding
  welcome:
    "Hi! I'm Agora, your city's participatory-budget assistant. Here you can propose projects, support them, vote, and follow what gets built.",
  chooseLanguage: 'Which language do you prefer?',
  languageSet: "Done, I'll speak English from now on.",
  privacy:
    'Before you take part: we keep your chat account id, your language and what you do here (proposals, supports, votes). Public results never show your name, and ballots are anonymous in open data. You can see or delete your data at any time in Settings. Do you agree?',
  consentYes: 'I agree',
  consentNo: 'Not now',
  consentThanks: 'Thank you! Here is what you can do.',
  consentDeclined:
    "No problem. You can still look around; I'll ask again when you want to propose, support or vote.",
  consentNeeded: 'To take part, I first need your agreement to how we handle your data.',

  // Menu, help, small talk
  menu: 'What would you like to do?',
  menuChallenges: '🏛 Challenges',
  menuActivity: '📋 My activity',
  menuAsk: '❓ Ask a question',
  menuSettings: '⚙️ Settings',
  menuHelp: 'ℹ️ Help',
  help: 'I can show you the open challenges and their projects, take your project idea, collect your support, help you vote and tell you how things go. Commands: /challenges, /propose, /vote, /results, /my, /ask, /language, /settings, /cancel, /help. You can also simply write, for example "I want to vote" or "what got funded?".',
  greet: 'Hello!',
  thanks: "You're welcome!",
  goodbye: "Goodbye! I'll write when there is news about what you follow.",
  fallback: "Sorry, I didn't understand that.",
  suggestions: 'Here is what you can do now:',
  cancelled: 'Stopped. Nothing was submitted.',
  nothingToCancel: "There's nothing to cancel right now.",
  expired: 'You had left something unfinished for a while, so I closed it. Nothing was submitted.',
  staleButton: 'That button belongs to an earlier step and no longer applies.',
  unsupportedMessage: "I can't read that kind of message. Please write text or use the buttons.",
  tooLong: (max: string) => `That message is too long. Please keep it under ${max} characters.`,

  // Buttons shared by several screens
  btnBack: '⬅️ Back',
  btnMenu: '🏠 Menu',
  btnMore: 'More ➡️',
  btnPrev: '⬅️ Previous',
  btnCancel: '✖️ Cancel',
  btnSkip: 'Skip',
  btnYes: 'Yes',
  btnNo: 'No',

  // Challenges and projects
  phase: {
    draft: 'in preparation',
    informing: 'information period',
    proposals: 'taking proposals',
    review: 'proposals under review',
    supports: 'collecting supports',
    voting: 'voting open',
    results: 'results',
    implementation: 'being built',
    closed: 'closed',
  } satisfies Record<Phase, string>,
  status: {
    submitted: 'waiting for review',
    accepted: 'on the ballot',
    rejected: 'not accepted',
    selected: 'selected for funding',
    not_selected: 'not selected',
    in_progress: 'being built',
    completed: 'completed',
    cancelled: 'cancelled',
  } satisfies Record<ProposalStatus, string>,
  noChallenges: 'There are no open challenges right now. Please come back soon.',
  challengesTitle: (page: number, pages: number) =>
    pages > 1 ? `Open challenges (page ${page} of ${pages}):` : 'Open challenges:',
  challengeLine: (title: string, phase: string, budget: string, until: string | null) =>
    `• ${title}: ${phase}, budget ${budget}${until ? `, until ${until}` : ''}`,
  challengeDetail: (
    title: string,
    description: string,
    phase: string,
    budget: string,
    until: string | null,
  ) => `${title}\n\n${description}\n\nNow: ${phase}${until ? ` (until ${until})` : ''}. Budget: ${budget}.`,
  btnPropose: '✍️ Propose a project',
  btnProjects: '📂 Projects',
  btnSupport: '👍 Support',
  btnVote: '🗳 Vote',
  btnResults: '📊 Results',
  btnFollow: '🔔 Follow',
  btnUnfollow: '🔕 Unfollow',
  btnAsk: '❓ Ask about it',
  btnRate: '⭐ Rate',
  projectsTitle: (title: string, page: number, pages: number) =>
    pages > 1 ? `Projects of "${title}" (page ${page} of ${pages}):` : `Projects of "${title}":`,
  noProjects: 'No projects here yet.',
  projectLine: (ref: string, title: string, cost: string, status: string) =>
    `${ref}. ${title}: ${cost} (${status})`,
  projectDetail: (ref: string, title: string, cost: string, status: string, description: string) =>
    `${ref}. ${title}\nCost: ${cost}\nStatus: ${status}${description ? `\n\n${description}` : ''}`,
  supportsCount: (n: string) => `Supports: ${n}`,
  progressLine: (p: string) => `Progress: ${p}`,
  lastUpdate: (when: string, text: string) => `Latest update (${when}): ${text}`,
  rejectedBecause: (reason: string) => `Not accepted because: ${reason}`,
  whichChallenge: 'Which challenge?',
  whichProject: 'Which project? Choose it from the list.',
  notFound: "I couldn't find that. Please choose from the list.",

  // Proposing
  proposeNotOpen: (title: string) => `"${title}" is not taking proposals right now.`,
  proposeNoChallenge: 'No challenge is taking proposals right now.',
  proposeTitle: (challenge: string) =>
    `Great, a new project for "${challenge}". What is its title? One short line, please.`,
  proposeDescription: 'Now describe it in a few sentences: what, where, and who benefits?',
  proposeCost: (budget: string) =>
    `How much do you think it costs? Write an amount, for example 15000 (the whole budget is ${budget}).`,
  proposeCostInvalid: (budget: string) =>
    `I need an amount above zero and within the budget of ${budget}. For example: 15000 or 15k.`,
  proposeLocation: 'Where is it? Share a location or a photo if you like, or skip.',
  proposeReview: (title: string, description: string, cost: string, extra: string) =>
    `Please check your proposal:\n\nTitle: ${title}\nDescription: ${description}\nCost: ${cost}${extra}\n\nSend it?`,
  proposeHasLocation: '\nLocation: shared',
  proposeHasPhoto: '\nPhoto: attached',
  btnSubmit: '✅ Send',
  btnEditTitle: 'Edit title',
  btnEditDescription: 'Edit description',
  btnEditCost: 'Edit cost',
  proposeSent: (ref: string) =>
    `Sent! Your proposal is number ${ref}. An official will review it and I'll tell you the outcome.`,
  proposeTextInvalid: (max: string) => `Please write some text (at most ${max} characters).`,

  // Supporting
  supportsNotOpen: 'Supports are not being collected for this challenge right now.',
  supported: (title: string) => `Thank you, you support "${title}".`,
  alreadySupported: (title: string) => `You already support "${title}".`,

  // Voting
  voteNotOpen: (title: string) => `Voting for "${title}" is not open right now.`,
  voteNoChallenge: 'No vote is open right now.',
  ballotKnapsack: (title: string, left: string, budget: string) =>
    `Your ballot for "${title}". Tap projects to add or remove them. ${left} of ${budget} left.`,
  ballotApproval: (title: string, min: number, max: number, chosen: number) =>
    `Your ballot for "${title}". Choose ${min === max ? projects(max) : `${min} to ${max} projects`} (chosen: ${chosen}).`,
  ballotRanked: (title: string, max: number) =>
    `Your ballot for "${title}". Tap projects in order of preference, best first (up to ${max}). Tap again to remove.`,
  ballotCumulative: (title: string, left: number, points: number) =>
    `Your ballot for "${title}". Each tap gives a project one point. ${left} of ${points} points left.`,
  btnSubmitBallot: '✅ Submit ballot',
  btnClearBallot: '🧹 Clear',
  ballotEmpty: 'Your ballot is empty: choose at least one project.',
  ballotOverBudget: (cost: string, left: string) =>
    `That project costs ${cost}, but only ${left} of the budget is left. Remove something first.`,
  ballotTooMany: (max: number) => `You can choose at most ${projects(max)}. Remove one first.`,
  ballotNoPointsLeft: 'You have no points left. Clear the ballot to start again.',
  ballotCast: (receipt: string) =>
    `Your vote is in. Your receipt code is ${receipt}: keep it to check your ballot is counted. You can change your vote until voting closes.`,
  ballotChanged: (receipt: string) =>
    `Your vote is changed. Your new receipt code is ${receipt} (the old one now shows as replaced).`,
  yourBallot: (title: string, receipt: string) => `Your ballot for "${title}" (receipt ${receipt}).`,

  // Activity and following
  activityTitle: 'Your activity:',
  activityProposals: 'Your proposals:',
  activityBallots: 'Your ballots:',
  activityFollows: (n: number) => `You follow ${n} ${n === 1 ? 'item' : 'items'}.`,
  activityNothing: "You haven't taken part yet. Have a look at the challenges!",
  followed: (title: string) => `You follow "${title}". I'll write when there is news.`,
  unfollowed: (title: string) => `You no longer follow "${title}".`,

  // Results
  resultsNotYet: (title: string) => `The results of "${title}" are not published yet.`,
  resultsNone: 'No results have been published yet.',
  resultsTitle: (title: string, funded: number, total: string, budget: string) =>
    `Results of "${title}": ${projects(funded)} funded, ${total} of the ${budget} budget.`,
  resultsRuleGreedy: 'Counted by votes (greedy).',
  resultsRuleMes: 'Counted with the Method of Equal Shares, so every group of voters gets its fair share.',
  chartLegendSelected: 'funded',
  chartLegendNotSelected: 'not funded',
  chartLegendVotes: 'votes',

  // Rating
  rateAsk: (title: string) => `How do you rate "${title}"?`,
  rated: (stars: number) => `Thanks for rating it ${stars} out of 5.`,
  rateNotAllowed: 'Only completed projects can be rated.',

  // Questions
  askPrompt: 'What would you like to ask? Write your question.',
  faqAnswer: (answer: string) => `${answer}`,
  faqHelpful: 'Did that answer your question?',
  btnAskOfficial: 'Ask an official',
  questionForwarded: "I've passed your question to the officials. I'll send you their answer here.",
  questionAnswered: (question: string, answer: string) =>
    `Answer to your question "${question}":\n\n${answer}`,

  // Settings
  settingsTitle: (language: string, notifications: boolean, verified: string) =>
    `Settings\nLanguage: ${language}\nNotifications: ${notifications ? 'on' : 'off'}\nVerification: ${verified}`,
  verification: { none: 'not verified', phone: 'phone verified', code: 'verified with a municipal code' },
  btnLanguage: '🌐 Language',
  btnNotificationsOn: '🔔 Turn notifications on',
  btnNotificationsOff: '🔕 Turn notifications off',
  btnVerifyPhone: '📱 Verify with my phone',
  btnVerifyCode: '🔑 I have a municipal code',
  btnLink: '🔗 Link another app',
  btnEnterLinkCode: '🔗 I have a link code',
  btnExport: '📦 My data',
  btnDelete: '🗑 Delete my data',
  notificationsOn: "Notifications are on: I'll write about what you follow.",
  notificationsOff: "Notifications are off. I'll still answer your own questions and proposals.",
  sharePhone: 'Tap the button below to share your phone number. Only a fingerprint of it is stored.',
  btnSharePhone: '📱 Share my phone number',
  phoneVerified: 'Thank you, your phone is verified.',
  phoneNotOwn: 'Please share your own contact with the button, not someone else’s.',
  codePrompt: 'Please type your municipal code.',
  codeVerified: 'Thank you, you are verified.',
  codeInvalid: 'That code is not valid. Please check it and try again.',
  linkCode: (code: string, minutes: number) =>
    `Your link code is ${code}. Within ${minutes} minutes, open Agora in the other app, choose Settings, "I have a link code", and type it.`,
  linkPrompt: 'Type the link code you got in the other app.',
  linked: 'Done! Both apps are now the same account.',
  exportReady: (json: string) => `Here is everything we keep about you:\n${json}`,
  deleteConfirm:
    'Delete all your data? Your proposals and ballots stay counted but are no longer linked to you. This cannot be undone.',
  btnDeleteYes: 'Yes, delete everything',
  deleted: 'Your data has been deleted. Goodbye! If you write again, you start as a new participant.',

  // Verification-required and other errors from the rules
  error: {
    NOT_FOUND: "I couldn't find that any more.",
    INVALID_INPUT: 'That is not quite right, please check and try again.',
    CONSENT_REQUIRED: 'To take part, I first need your agreement to how we handle your data.',
    NOT_ELIGIBLE: 'This challenge needs a verified account. You can verify in Settings.',
    CITIZEN_ERASED: 'This account was deleted.',
    PHONE_IN_USE:
      'This phone number already verified another account. One number verifies one person; if the other account is yours, link your apps under Settings → Link another app.',
    PROPOSALS_CLOSED: 'This challenge is not taking proposals any more.',
    SUPPORTS_CLOSED: 'Supports are not being collected right now.',
    VOTING_CLOSED: 'Voting is closed, so the ballot can no longer be changed.',
    ALREADY_SUPPORTED: 'You already support this project.',
    NOT_SUPPORTABLE: 'This project cannot be supported.',
    RULES_LOCKED: 'The rules can no longer change.',
    INVALID_TRANSITION: 'That is not possible at this stage.',
    OVER_BUDGET: 'Your choices cost more than the budget.',
    UNDER_MINIMUM_BUDGET: 'Please use more of the budget before submitting.',
    TOO_FEW_PROJECTS: 'Please choose more projects.',
    TOO_MANY_PROJECTS: 'You chose too many projects.',
    UNKNOWN_PROJECT: 'One of the projects does not exist any more.',
    PROJECT_NOT_ON_BALLOT: 'One of the projects is not on the ballot.',
    DUPLICATE_CHOICE: 'A project appears twice.',
    INVALID_POINTS: 'The points are not valid.',
    POINTS_EXCEEDED: 'You gave out more points than you have.',
    EMPTY_BALLOT: 'Your ballot is empty: choose at least one project.',
    RATING_NOT_ALLOWED: 'Only completed projects can be rated.',
    INVALID_RATING: 'A rating is 1 to 5 stars.',
    LINK_CODE_INVALID: 'That link code is not valid or has expired.',
    IDENTITY_TAKEN: 'That account is already linked to someone else.',
    LINK_ACCOUNT_HAS_ACTIVITY:
      'This app account already took part on its own, so it cannot be merged. Use the other app instead.',
    ALREADY_ANSWERED: 'That was already answered.',
    RESULTS_NOT_AVAILABLE: 'The results are not published yet.',
  },
  slowDown: 'You are sending messages very quickly. Please wait a few seconds, then carry on.',
  somethingWrong: 'Something went wrong on our side. Please try again in a moment.',

  // Notifications pushed through the outbox
  notify: {
    reviewedAccepted: (title: string) =>
      `Good news: your proposal "${title}" was accepted and will be on the ballot.`,
    reviewedRejected: (title: string, reason: string) =>
      `Your proposal "${title}" was not accepted. The reason given: ${reason}`,
    reviewedCost: (title: string, cost: string) => `The cost of your proposal "${title}" was set to ${cost}.`,
    update: (title: string, text: string) => `Update on "${title}": ${text}`,
    results: (title: string, funded: number) =>
      `The results of "${title}" are out: ${projects(funded)} will be funded.`,
    announcement: (title: string, text: string) => `${title}: ${text}`,
  },
};

/** The shape every language must fill. */
export type Catalog = typeof en;
