import type { Catalog } from './en';

/** Greek has two plural forms: one (1) and other (0, 2, 3, ...). */
const plural = (n: number, one: string, other: string): string => (n === 1 ? one : other);

/** `1 έργο`, `5 έργα`. */
const projects = (n: number): string => `${n} ${plural(n, 'έργο', 'έργα')}`;

/** Greek catalog: polite plural (εσείς), Greek question mark (;), «…» around titles. */
export const el: Catalog = {
  languageName: 'Ελληνικά',

  // Onboarding
  welcome:
    'Γεια σας! Είμαι η Agora, η βοηθός σας για τον συμμετοχικό προϋπολογισμό της πόλης. Εδώ μπορείτε να προτείνετε έργα, να τα υποστηρίξετε, να ψηφίσετε και να παρακολουθείτε τι υλοποιείται.',
  chooseLanguage: 'Ποια γλώσσα προτιμάτε;',
  languageSet: 'Έγινε! Από εδώ και πέρα θα σας μιλάω ελληνικά.',
  privacy:
    'Πριν ξεκινήσετε: κρατάμε το αναγνωριστικό του λογαριασμού σας στην εφαρμογή συνομιλίας, τη γλώσσα σας και ό,τι κάνετε εδώ (προτάσεις, υποστηρίξεις, ψήφους). Τα δημόσια αποτελέσματα δεν δείχνουν ποτέ το όνομά σας και στα ανοιχτά δεδομένα τα ψηφοδέλτια είναι ανώνυμα. Μπορείτε να δείτε ή να διαγράψετε τα δεδομένα σας όποτε θέλετε από τις Ρυθμίσεις. Συμφωνείτε;',
  consentYes: 'Συμφωνώ',
  consentNo: 'Όχι τώρα',
  consentThanks: 'Σας ευχαριστώ! Δείτε τι μπορείτε να κάνετε.',
  consentDeclined:
    'Κανένα πρόβλημα. Μπορείτε πάντως να ρίξετε μια ματιά. Θα σας ξαναρωτήσω όταν θελήσετε να προτείνετε, να υποστηρίξετε ή να ψηφίσετε.',
  consentNeeded:
    'Για να συμμετάσχετε, χρειάζομαι πρώτα τη συγκατάθεσή σας για τον τρόπο που χειριζόμαστε τα δεδομένα σας.',

  // Menu, help, small talk
  menu: 'Τι θα θέλατε να κάνετε;',
  menuChallenges: '🏛 Προκλήσεις',
  menuActivity: '📋 Η συμμετοχή μου',
  menuAsk: '❓ Κάντε μια ερώτηση',
  menuSettings: '⚙️ Ρυθμίσεις',
  menuHelp: 'ℹ️ Βοήθεια',
  help: 'Μπορώ να σας δείξω τις ανοιχτές προκλήσεις και τα έργα τους, να καταχωρίσω την ιδέα σας για ένα έργο, να καταγράψω την υποστήριξή σας, να σας βοηθήσω να ψηφίσετε και να σας ενημερώνω για την πορεία τους. Εντολές: /challenges, /propose, /vote, /results, /my, /ask, /language, /settings, /cancel, /help. Μπορείτε επίσης απλώς να γράψετε, για παράδειγμα «θέλω να ψηφίσω» ή «τι πήρε χρηματοδότηση;».',
  greet: 'Γεια σας!',
  thanks: 'Παρακαλώ, με χαρά!',
  goodbye: 'Γεια σας! Θα σας γράψω όταν υπάρχουν νέα για όσα παρακολουθείτε.',
  fallback: 'Συγγνώμη, δεν το κατάλαβα αυτό.',
  suggestions: 'Δείτε τι μπορείτε να κάνετε τώρα:',
  cancelled: 'Ακυρώθηκε. Δεν υποβλήθηκε τίποτα.',
  nothingToCancel: 'Δεν υπάρχει κάτι για ακύρωση αυτή τη στιγμή.',
  expired: 'Κάτι είχε μείνει στη μέση για αρκετή ώρα, οπότε το έκλεισα. Δεν υποβλήθηκε τίποτα.',
  staleButton: 'Αυτό το κουμπί ανήκει σε προηγούμενο βήμα και δεν ισχύει πια.',
  unsupportedMessage:
    'Δεν μπορώ να διαβάσω αυτό το είδος μηνύματος. Παρακαλώ γράψτε κείμενο ή χρησιμοποιήστε τα κουμπιά.',
  tooLong: (max: string) => `Το μήνυμα είναι πολύ μεγάλο. Παρακαλώ γράψτε λιγότερους από ${max} χαρακτήρες.`,

  // Buttons shared by several screens
  btnBack: '⬅️ Πίσω',
  btnMenu: '🏠 Μενού',
  btnMore: 'Περισσότερα ➡️',
  btnPrev: '⬅️ Προηγούμενα',
  btnCancel: '✖️ Ακύρωση',
  btnSkip: 'Παράλειψη',
  btnYes: 'Ναι',
  btnNo: 'Όχι',

  // Challenges and projects
  phase: {
    draft: 'σε προετοιμασία',
    informing: 'περίοδος ενημέρωσης',
    proposals: 'υποβολή προτάσεων',
    review: 'αξιολόγηση προτάσεων',
    supports: 'συλλογή υποστηρίξεων',
    voting: 'ανοιχτή ψηφοφορία',
    results: 'αποτελέσματα',
    implementation: 'σε υλοποίηση',
    closed: 'έκλεισε',
  },
  status: {
    submitted: 'αναμένει αξιολόγηση',
    accepted: 'στο ψηφοδέλτιο',
    rejected: 'δεν εγκρίθηκε',
    selected: 'επιλέχθηκε για χρηματοδότηση',
    not_selected: 'δεν επιλέχθηκε',
    in_progress: 'σε υλοποίηση',
    completed: 'ολοκληρώθηκε',
    cancelled: 'ακυρώθηκε',
  },
  noChallenges:
    'Δεν υπάρχουν ανοιχτές προκλήσεις αυτή τη στιγμή. Αν παρακολουθείτε τα νέα της πόλης, θα σας ειδοποιήσω μόλις ανοίξει κάποια.',
  challengesTitle: (page: number, pages: number) =>
    pages > 1 ? `Ανοιχτές προκλήσεις (σελίδα ${page} από ${pages}):` : 'Ανοιχτές προκλήσεις:',
  challengeLine: (title: string, phase: string, budget: string, until: string | null) =>
    `• ${title}: ${phase}, προϋπολογισμός ${budget}${until ? `, έως τις ${until}` : ''}`,
  challengeDetail: (
    title: string,
    description: string,
    phase: string,
    budget: string,
    until: string | null,
  ) =>
    `${title}\n\n${description}\n\nΣτάδιο: ${phase}${until ? ` (έως τις ${until})` : ''}. Προϋπολογισμός: ${budget}.`,
  btnPropose: '✍️ Πρόταση έργου',
  btnProjects: '📂 Έργα',
  btnSupport: '👍 Υποστήριξη',
  btnVote: '🗳 Ψηφοφορία',
  btnResults: '📊 Αποτελέσματα',
  btnFollow: '🔔 Παρακολούθηση',
  btnUnfollow: '🔕 Διακοπή παρακολούθησης',
  btnAsk: '❓ Ερώτηση γι’ αυτό',
  btnRate: '⭐ Αξιολόγηση',
  projectsTitle: (title: string, page: number, pages: number) =>
    pages > 1 ? `Έργα για «${title}» (σελίδα ${page} από ${pages}):` : `Έργα για «${title}»:`,
  noProjects: 'Δεν υπάρχουν ακόμη έργα εδώ.',
  projectLine: (ref: string, title: string, cost: string, status: string) =>
    `${ref}. ${title}: ${cost} (${status})`,
  projectDetail: (ref: string, title: string, cost: string, status: string, description: string) =>
    `${ref}. ${title}\nΚόστος: ${cost}\nΚατάσταση: ${status}${description ? `\n\n${description}` : ''}`,
  supportsCount: (n: string) => `Υποστηρίξεις: ${n}`,
  progressLine: (p: string) => `Πρόοδος: ${p}`,
  lastUpdate: (when: string, text: string) => `Τελευταία ενημέρωση (${when}): ${text}`,
  rejectedBecause: (reason: string) => `Λόγος μη έγκρισης: ${reason}`,
  whichChallenge: 'Για ποια πρόκληση;',
  whichProject: 'Ποιο έργο; Επιλέξτε το από τη λίστα.',
  notFound: 'Δεν το βρήκα. Παρακαλώ επιλέξτε από τη λίστα.',

  // Proposing
  proposeNotOpen: (title: string) => `Η πρόκληση «${title}» δεν δέχεται προτάσεις αυτή τη στιγμή.`,
  proposeNoChallenge: 'Καμία πρόκληση δεν δέχεται προτάσεις αυτή τη στιγμή.',
  proposeTitle: (challenge: string) =>
    `Τέλεια, ένα νέο έργο για «${challenge}». Ποιος είναι ο τίτλος του; Μία σύντομη γραμμή, παρακαλώ.`,
  proposeDescription: 'Τώρα περιγράψτε το σε λίγες γραμμές: τι, πού και ποιοι θα ωφεληθούν;',
  proposeCost: (budget: string) =>
    `Πόσο πιστεύετε ότι κοστίζει; Γράψτε ένα ποσό, για παράδειγμα 15000 (ο συνολικός προϋπολογισμός είναι ${budget}).`,
  proposeCostInvalid: (budget: string) =>
    `Χρειάζομαι ένα ποσό πάνω από το μηδέν που να χωράει στον προϋπολογισμό των ${budget}. Για παράδειγμα: 15000 ή 15 χιλ.`,
  proposeLocation:
    'Πού βρίσκεται; Αν θέλετε, στείλτε μια τοποθεσία ή μια φωτογραφία. Αλλιώς πατήστε «Παράλειψη».',
  proposeReview: (title: string, description: string, cost: string, extra: string) =>
    `Παρακαλώ ελέγξτε την πρότασή σας:\n\nΤίτλος: ${title}\nΠεριγραφή: ${description}\nΚόστος: ${cost}${extra}\n\nΝα τη στείλω;`,
  proposeHasLocation: '\nΤοποθεσία: έχει σταλεί',
  proposeHasPhoto: '\nΦωτογραφία: έχει επισυναφθεί',
  btnSubmit: '✅ Αποστολή',
  btnEditTitle: 'Αλλαγή τίτλου',
  btnEditDescription: 'Αλλαγή περιγραφής',
  btnEditCost: 'Αλλαγή κόστους',
  proposeSent: (ref: string) =>
    `Στάλθηκε! Η πρότασή σας έχει τον αριθμό ${ref}. Θα την εξετάσει αρμόδιος υπάλληλος του δήμου και θα σας ενημερώσω για το αποτέλεσμα.`,
  proposeTextInvalid: (max: string) => `Παρακαλώ γράψτε λίγο κείμενο (έως ${max} χαρακτήρες).`,

  // Supporting
  supportsNotOpen: 'Για αυτή την πρόκληση δεν συλλέγονται υποστηρίξεις αυτή τη στιγμή.',
  supported: (title: string) => `Σας ευχαριστώ! Υποστηρίζετε πλέον το έργο «${title}».`,
  alreadySupported: (title: string) => `Υποστηρίζετε ήδη το έργο «${title}».`,

  // Voting
  voteNotOpen: (title: string) => `Η ψηφοφορία για «${title}» δεν είναι ανοιχτή αυτή τη στιγμή.`,
  voteNoChallenge: 'Δεν υπάρχει ανοιχτή ψηφοφορία αυτή τη στιγμή.',
  ballotKnapsack: (title: string, left: string, budget: string) =>
    `Το ψηφοδέλτιό σας για «${title}». Πατήστε ένα έργο για να το προσθέσετε ή να το αφαιρέσετε. Απομένουν ${left} από ${budget}.`,
  ballotApproval: (title: string, min: number, max: number, chosen: number) =>
    `Το ψηφοδέλτιό σας για «${title}». Επιλέξτε ${min === max ? projects(max) : `από ${min} έως ${projects(max)}`} (επιλεγμένα: ${chosen}).`,
  ballotRanked: (title: string, max: number) =>
    `Το ψηφοδέλτιό σας για «${title}». Πατήστε τα έργα με σειρά προτίμησης, πρώτα αυτό που προτιμάτε περισσότερο (έως ${max}). Πατήστε ξανά για να αφαιρέσετε ένα έργο.`,
  ballotCumulative: (title: string, left: number, points: number) =>
    `Το ψηφοδέλτιό σας για «${title}». Κάθε πάτημα δίνει σε ένα έργο έναν πόντο. Διαθέσιμοι πόντοι: ${left} από ${points}.`,
  btnSubmitBallot: '✅ Υποβολή ψηφοδελτίου',
  btnClearBallot: '🧹 Καθαρισμός',
  ballotEmpty: 'Το ψηφοδέλτιό σας είναι άδειο: επιλέξτε τουλάχιστον ένα έργο.',
  ballotOverBudget: (cost: string, left: string) =>
    `Αυτό το έργο κοστίζει ${cost}, αλλά από τον προϋπολογισμό απομένουν μόνο ${left}. Αφαιρέστε πρώτα κάποιο άλλο.`,
  ballotTooMany: (max: number) => `Μπορείτε να επιλέξετε έως ${projects(max)}. Αφαιρέστε πρώτα ένα.`,
  ballotNoPointsLeft: 'Δεν σας έμειναν πόντοι. Καθαρίστε το ψηφοδέλτιο για να ξεκινήσετε από την αρχή.',
  ballotCast: (receipt: string) =>
    `Η ψήφος σας καταχωρίστηκε. Ο κωδικός απόδειξής σας είναι ${receipt}: κρατήστε τον για να ελέγξετε ότι το ψηφοδέλτιό σας μετρήθηκε. Μπορείτε να αλλάξετε την ψήφο σας μέχρι να κλείσει η ψηφοφορία.`,
  ballotChanged: (receipt: string) =>
    `Η ψήφος σας άλλαξε. Ο νέος κωδικός απόδειξης είναι ${receipt} (ο παλιός εμφανίζεται πλέον ως αντικατεστημένος).`,
  yourBallot: (title: string, receipt: string) => `Το ψηφοδέλτιό σας για «${title}» (απόδειξη ${receipt}).`,

  // Activity and following
  activityTitle: 'Η συμμετοχή σας:',
  activityProposals: 'Οι προτάσεις σας:',
  activityBallots: 'Τα ψηφοδέλτιά σας:',
  activityFollows: (n: number) => `Παρακολουθείτε ${n} ${plural(n, 'θέμα', 'θέματα')}.`,
  activityNothing: 'Δεν έχετε συμμετάσχει ακόμη. Ρίξτε μια ματιά στις προκλήσεις!',
  followed: (title: string) => `Τώρα παρακολουθείτε: «${title}». Θα σας γράψω όταν υπάρχουν νέα.`,
  unfollowed: (title: string) => `Σταματήσατε να παρακολουθείτε: «${title}».`,

  // Results
  resultsNotYet: (title: string) => `Τα αποτελέσματα για «${title}» δεν έχουν δημοσιευτεί ακόμη.`,
  resultsNone: 'Δεν έχουν δημοσιευτεί ακόμη αποτελέσματα.',
  resultsTitle: (title: string, funded: number, total: string, budget: string) =>
    `Αποτελέσματα για «${title}»: ${funded} ${plural(funded, 'έργο χρηματοδοτείται', 'έργα χρηματοδοτούνται')}, συνολικά ${total} από ${budget}.`,
  resultsRuleGreedy: 'Τα έργα επιλέχθηκαν με σειρά ψήφων (άπληστη μέθοδος).',
  resultsRuleMes:
    'Η καταμέτρηση έγινε με τον κανόνα «Μέθοδος Ίσων Μεριδίων», ώστε κάθε ομάδα ψηφοφόρων να παίρνει το δίκαιο μερίδιό της.',
  chartLegendSelected: 'χρηματοδοτείται',
  chartLegendNotSelected: 'δεν χρηματοδοτείται',
  chartLegendVotes: 'ψήφοι',

  // Rating
  rateAsk: (title: string) => `Πώς αξιολογείτε το έργο «${title}»;`,
  rated: (stars: number) => `Σας ευχαριστώ για τη βαθμολογία: ${stars} στα 5.`,
  rateNotAllowed: 'Μόνο τα ολοκληρωμένα έργα μπορούν να αξιολογηθούν.',

  // Questions
  askPrompt: 'Τι θα θέλατε να ρωτήσετε; Γράψτε την ερώτησή σας.',
  faqAnswer: (answer: string) => `${answer}`,
  faqHelpful: 'Απαντήθηκε η ερώτησή σας;',
  btnAskOfficial: 'Ερώτηση προς τον δήμο',
  questionForwarded:
    'Προώθησα την ερώτησή σας στους αρμόδιους του δήμου. Θα σας στείλω την απάντησή τους εδώ.',
  questionAnswered: (question: string, answer: string) =>
    `Απάντηση στην ερώτησή σας «${question}»:\n\n${answer}`,

  // Settings
  settingsTitle: (language: string, notifications: boolean, verified: string) =>
    `Ρυθμίσεις\nΓλώσσα: ${language}\nΕιδοποιήσεις: ${notifications ? 'ενεργές' : 'ανενεργές'}\nΕπαλήθευση: ${verified}`,
  verification: {
    none: 'δεν έχει γίνει',
    phone: 'μέσω τηλεφώνου',
    code: 'με δημοτικό κωδικό',
  },
  btnLanguage: '🌐 Γλώσσα',
  btnNotificationsOn: '🔔 Ενεργοποίηση ειδοποιήσεων',
  btnNotificationsOff: '🔕 Απενεργοποίηση ειδοποιήσεων',
  btnVerifyPhone: '📱 Επαλήθευση με το κινητό μου',
  btnVerifyCode: '🔑 Έχω δημοτικό κωδικό',
  btnLink: '🔗 Σύνδεση άλλης εφαρμογής',
  btnEnterLinkCode: '🔗 Έχω κωδικό σύνδεσης',
  btnExport: '📦 Τα δεδομένα μου',
  btnDelete: '🗑 Διαγραφή των δεδομένων μου',
  notificationsOn: 'Οι ειδοποιήσεις είναι ενεργές: θα σας γράφω για όσα παρακολουθείτε.',
  notificationsOff:
    'Οι ειδοποιήσεις είναι ανενεργές. Θα συνεχίσω πάντως να απαντώ στις δικές σας ερωτήσεις και προτάσεις.',
  sharePhone:
    'Πατήστε το κουμπί παρακάτω για να μοιραστείτε τον αριθμό του τηλεφώνου σας. Αποθηκεύεται μόνο ένα ψηφιακό αποτύπωμά του, όχι ο ίδιος ο αριθμός.',
  btnSharePhone: '📱 Κοινοποίηση του αριθμού μου',
  phoneVerified: 'Σας ευχαριστώ, το τηλέφωνό σας επαληθεύτηκε.',
  phoneNotOwn: 'Παρακαλώ μοιραστείτε με το κουμπί τη δική σας επαφή, όχι κάποιου άλλου.',
  codePrompt: 'Παρακαλώ πληκτρολογήστε τον δημοτικό σας κωδικό.',
  codeVerified: 'Σας ευχαριστώ, ο λογαριασμός σας επαληθεύτηκε.',
  codeInvalid: 'Αυτός ο κωδικός δεν είναι έγκυρος. Ελέγξτε τον και δοκιμάστε ξανά.',
  linkCode: (code: string, minutes: number) =>
    `Ο κωδικός σύνδεσής σας είναι ${code}. Μέσα σε ${minutes} ${plural(minutes, 'λεπτό', 'λεπτά')}, ανοίξτε την Agora στην άλλη εφαρμογή, επιλέξτε «Ρυθμίσεις», μετά «Έχω κωδικό σύνδεσης» και πληκτρολογήστε τον.`,
  linkPrompt: 'Πληκτρολογήστε τον κωδικό σύνδεσης που λάβατε στην άλλη εφαρμογή.',
  linked: 'Έγινε! Τώρα και οι δύο εφαρμογές χρησιμοποιούν τον ίδιο λογαριασμό.',
  exportReady: (json: string) => `Αυτά είναι όλα όσα κρατάμε για εσάς:\n${json}`,
  deleteConfirm:
    'Να διαγραφούν όλα τα δεδομένα σας; Οι προτάσεις και τα ψηφοδέλτιά σας θα εξακολουθούν να μετράνε, αλλά δεν θα συνδέονται πλέον με εσάς. Αυτό δεν μπορεί να αναιρεθεί.',
  btnDeleteYes: 'Ναι, διαγραφή όλων',
  deleted:
    'Τα δεδομένα σας διαγράφηκαν. Αντίο! Αν μας ξαναγράψετε, θα ξεκινήσετε από την αρχή με νέο προφίλ.',

  // Verification-required and other errors from the rules
  error: {
    NOT_FOUND: 'Δεν μπορώ να το βρω πια.',
    INVALID_INPUT: 'Κάτι δεν είναι σωστό. Ελέγξτε το και δοκιμάστε ξανά.',
    CONSENT_REQUIRED:
      'Για να συμμετάσχετε, χρειάζομαι πρώτα τη συγκατάθεσή σας για τον τρόπο που χειριζόμαστε τα δεδομένα σας.',
    NOT_ELIGIBLE:
      'Αυτή η πρόκληση απαιτεί επαληθευμένο λογαριασμό. Μπορείτε να κάνετε την επαλήθευση από τις Ρυθμίσεις.',
    CITIZEN_ERASED: 'Αυτός ο λογαριασμός έχει διαγραφεί.',
    PHONE_IN_USE:
      'Αυτός ο αριθμός τηλεφώνου έχει ήδη επιβεβαιώσει άλλον λογαριασμό. Ένας αριθμός επιβεβαιώνει ένα άτομο· αν ο άλλος λογαριασμός είναι δικός σας, συνδέστε τις εφαρμογές σας από Ρυθμίσεις → Σύνδεση άλλης εφαρμογής.',
    PROPOSALS_CLOSED: 'Αυτή η πρόκληση δεν δέχεται πλέον προτάσεις.',
    SUPPORTS_CLOSED: 'Δεν συλλέγονται υποστηρίξεις αυτή τη στιγμή.',
    VOTING_CLOSED: 'Η ψηφοφορία έχει κλείσει, οπότε το ψηφοδέλτιο δεν μπορεί πια να αλλάξει.',
    ALREADY_SUPPORTED: 'Υποστηρίζετε ήδη αυτό το έργο.',
    NOT_SUPPORTABLE: 'Αυτό το έργο δεν μπορεί να λάβει υποστήριξη.',
    RULES_LOCKED: 'Οι κανόνες δεν μπορούν πλέον να αλλάξουν.',
    INVALID_TRANSITION: 'Αυτό δεν είναι δυνατό σε αυτό το στάδιο.',
    OVER_BUDGET: 'Οι επιλογές σας κοστίζουν περισσότερο από τον προϋπολογισμό.',
    UNDER_MINIMUM_BUDGET: 'Παρακαλώ χρησιμοποιήστε μεγαλύτερο μέρος του προϋπολογισμού πριν από την υποβολή.',
    TOO_FEW_PROJECTS: 'Παρακαλώ επιλέξτε περισσότερα έργα.',
    TOO_MANY_PROJECTS: 'Επιλέξατε πάρα πολλά έργα.',
    UNKNOWN_PROJECT: 'Ένα από τα έργα δεν υπάρχει πια.',
    PROJECT_NOT_ON_BALLOT: 'Ένα από τα έργα δεν είναι στο ψηφοδέλτιο.',
    DUPLICATE_CHOICE: 'Ένα έργο εμφανίζεται δύο φορές.',
    INVALID_POINTS: 'Οι πόντοι δεν είναι έγκυροι.',
    POINTS_EXCEEDED: 'Μοιράσατε περισσότερους πόντους από όσους έχετε.',
    EMPTY_BALLOT: 'Το ψηφοδέλτιό σας είναι άδειο: επιλέξτε τουλάχιστον ένα έργο.',
    RATING_NOT_ALLOWED: 'Μόνο τα ολοκληρωμένα έργα μπορούν να αξιολογηθούν.',
    INVALID_RATING: 'Η αξιολόγηση είναι από 1 έως 5 αστέρια.',
    LINK_CODE_INVALID: 'Αυτός ο κωδικός σύνδεσης δεν είναι έγκυρος ή έχει λήξει.',
    IDENTITY_TAKEN: 'Αυτός ο λογαριασμός είναι ήδη συνδεδεμένος με κάποιον άλλο.',
    LINK_ACCOUNT_HAS_ACTIVITY:
      'Αυτός ο λογαριασμός της εφαρμογής έχει ήδη δική του συμμετοχή, οπότε δεν μπορεί να συγχωνευτεί. Χρησιμοποιήστε καλύτερα την άλλη εφαρμογή.',
    ALREADY_ANSWERED: 'Αυτό έχει ήδη απαντηθεί.',
    RESULTS_NOT_AVAILABLE: 'Τα αποτελέσματα δεν έχουν δημοσιευτεί ακόμη.',
  },
  slowDown: 'Στέλνετε μηνύματα πολύ γρήγορα. Περιμένετε λίγα δευτερόλεπτα και συνεχίστε.',
  somethingWrong: 'Κάτι πήγε στραβά από τη δική μας πλευρά. Παρακαλώ δοκιμάστε ξανά σε λίγο.',

  // Notifications pushed through the outbox
  notify: {
    reviewedAccepted: (title: string) =>
      `Καλά νέα: η πρότασή σας «${title}» έγινε δεκτή και θα μπει στο ψηφοδέλτιο.`,
    reviewedRejected: (title: string, reason: string) =>
      `Η πρότασή σας «${title}» δεν έγινε δεκτή. Ο λόγος που δόθηκε: ${reason}`,
    reviewedCost: (title: string, cost: string) =>
      `Το κόστος της πρότασής σας «${title}» ορίστηκε σε ${cost}.`,
    update: (title: string, text: string) => `Ενημέρωση για «${title}»: ${text}`,
    results: (title: string, funded: number) =>
      `Βγήκαν τα αποτελέσματα για «${title}»: ${funded} ${plural(funded, 'έργο θα χρηματοδοτηθεί', 'έργα θα χρηματοδοτηθούν')}.`,
    announcement: (title: string, text: string) => `${title}: ${text}`,
  },
};
