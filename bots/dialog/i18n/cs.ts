import type { Catalog } from './en';

/** Czech plural forms for whole numbers: 1 / 2–4 / 0 and 5+ (`1 projekt`, `3 projekty`, `5 projektů`). */
const plural = (n: number, one: string, few: string, many: string): string =>
  n === 1 ? one : n >= 2 && n <= 4 ? few : many;

/** `1 projekt`, `3 projekty`, `5 projektů` (nominative and accusative). */
const projects = (n: number): string => `${n} ${plural(n, 'projekt', 'projekty', 'projektů')}`;

/**
 * Czech catalog: the polite „vy“ form. The bot avoids past-tense forms that would need a gender for the
 * citizen or for itself ("jste hlasoval/a", "předal/a jsem"), using present tense or passive instead.
 */
export const cs: Catalog = {
  languageName: 'Čeština',

  // Onboarding
  welcome:
    'Dobrý den! Jsem Agora a pomůžu vám s participativním rozpočtem vašeho města. Můžete tu navrhovat projekty, podpořit je, hlasovat a sledovat, co se nakonec postaví.',
  chooseLanguage: 'Který jazyk vám vyhovuje?',
  languageSet: 'Hotovo, od teď s vámi budu mluvit česky.',
  privacy:
    'Než se zapojíte: uchováváme identifikátor vašeho účtu v chatovací aplikaci, váš jazyk a to, co tu děláte (návrhy, podpořené projekty, hlasy). Ve zveřejněných výsledcích se vaše jméno nikdy neobjeví a v otevřených datech jsou hlasovací lístky anonymní. Svá data si můžete kdykoli prohlédnout nebo smazat v Nastavení. Souhlasíte?',
  consentYes: 'Souhlasím',
  consentNo: 'Teď ne',
  consentThanks: 'Děkuji! Tohle všechno tu můžete dělat.',
  consentDeclined:
    'Nevadí. I tak se tu můžete porozhlédnout. Zeptám se znovu, až budete chtít něco navrhnout, podpořit nebo hlasovat.',
  consentNeeded: 'Pro zapojení potřebuji nejdřív váš souhlas se způsobem, jakým nakládáme s vašimi daty.',

  // Menu, help, small talk
  menu: 'Co chcete udělat?',
  menuChallenges: '🏛 Výzvy',
  menuActivity: '📋 Moje aktivita',
  menuAsk: '❓ Zeptat se',
  menuSettings: '⚙️ Nastavení',
  menuHelp: 'ℹ️ Nápověda',
  help: 'Ukážu vám otevřené výzvy a jejich projekty, převezmu váš nápad na projekt, zaznamenám vaši podporu, pomůžu vám s hlasováním a dám vám vědět, jak se věci vyvíjejí. Příkazy: /challenges, /propose, /vote, /results, /my, /ask, /language, /settings, /cancel, /help. Můžete mi také prostě napsat, například „chci hlasovat“ nebo „které projekty vyhrály?“.',
  greet: 'Dobrý den!',
  thanks: 'Rádo se stalo!',
  goodbye: 'Na shledanou! Ozvu se, až bude něco nového u toho, co sledujete.',
  fallback: 'Promiňte, tomu nerozumím.',
  suggestions: 'Tohle teď můžete udělat:',
  cancelled: 'Zastaveno. Nic nebylo odesláno.',
  nothingToCancel: 'Teď není co rušit.',
  expired: 'Něco tu delší dobu zůstalo rozdělané, a tak to bylo ukončeno. Nic nebylo odesláno.',
  staleButton: 'Toto tlačítko patří k dřívějšímu kroku a už neplatí.',
  unsupportedMessage: 'Tento typ zprávy neumím přečíst. Napište prosím text nebo použijte tlačítka.',
  tooLong: (max: string) => `Zpráva je příliš dlouhá. Vejděte se prosím do ${max} znaků.`,

  // Buttons shared by several screens
  btnBack: '⬅️ Zpět',
  btnMenu: '🏠 Menu',
  btnMore: 'Další ➡️',
  btnPrev: '⬅️ Předchozí',
  btnCancel: '✖️ Zrušit',
  btnSkip: 'Přeskočit',
  btnYes: 'Ano',
  btnNo: 'Ne',

  // Challenges and projects
  phase: {
    draft: 'v přípravě',
    informing: 'informační fáze',
    proposals: 'sběr návrhů',
    review: 'posuzování návrhů',
    supports: 'sběr podpory',
    voting: 'probíhá hlasování',
    results: 'výsledky',
    implementation: 'realizace',
    closed: 'uzavřeno',
  },
  status: {
    submitted: 'čeká na posouzení',
    accepted: 'na hlasovacím lístku',
    rejected: 'nepřijato',
    selected: 'vybráno k financování',
    not_selected: 'nevybráno',
    in_progress: 'v realizaci',
    completed: 'dokončeno',
    cancelled: 'zrušeno',
  },
  noChallenges:
    'Teď nejsou otevřené žádné výzvy. Pokud sledujete novinky z města, dám vám vědět, až se nějaká otevře.',
  challengesTitle: (page: number, pages: number) =>
    pages > 1 ? `Otevřené výzvy (strana ${page} z ${pages}):` : 'Otevřené výzvy:',
  challengeLine: (title: string, phase: string, budget: string, until: string | null) =>
    `• ${title}: ${phase}, rozpočet ${budget}${until ? `, do ${until}` : ''}`,
  challengeDetail: (
    title: string,
    description: string,
    phase: string,
    budget: string,
    until: string | null,
  ) =>
    `${title}\n\n${description}\n\nAktuálně: ${phase}${until ? ` (do ${until})` : ''}. Rozpočet: ${budget}.`,
  btnPropose: '✍️ Navrhnout projekt',
  btnProjects: '📂 Projekty',
  btnSupport: '👍 Podpořit',
  btnVote: '🗳 Hlasovat',
  btnResults: '📊 Výsledky',
  btnFollow: '🔔 Sledovat',
  btnUnfollow: '🔕 Přestat sledovat',
  btnAsk: '❓ Zeptat se na to',
  btnRate: '⭐ Ohodnotit',
  projectsTitle: (title: string, page: number, pages: number) =>
    pages > 1 ? `Projekty ve výzvě „${title}“ (strana ${page} z ${pages}):` : `Projekty ve výzvě „${title}“:`,
  noProjects: 'Zatím tu nejsou žádné projekty.',
  projectLine: (ref: string, title: string, cost: string, status: string) =>
    `${ref}. ${title}: ${cost} (${status})`,
  projectDetail: (ref: string, title: string, cost: string, status: string, description: string) =>
    `${ref}. ${title}\nNáklady: ${cost}\nStav: ${status}${description ? `\n\n${description}` : ''}`,
  supportsCount: (n: string) => `Počet podpor: ${n}`,
  progressLine: (p: string) => `Postup prací: ${p}`,
  lastUpdate: (when: string, text: string) => `Poslední aktualizace (${when}): ${text}`,
  rejectedBecause: (reason: string) => `Důvod nepřijetí: ${reason}`,
  whichChallenge: 'Kterou výzvu myslíte?',
  whichProject: 'Který projekt? Vyberte ho ze seznamu.',
  notFound: 'To se mi nepodařilo najít. Vyberte prosím ze seznamu.',

  // Proposing
  proposeNotOpen: (title: string) => `Výzva „${title}“ teď nepřijímá návrhy.`,
  proposeNoChallenge: 'Žádná výzva teď nepřijímá návrhy.',
  proposeTitle: (challenge: string) =>
    `Skvělé, nový projekt do výzvy „${challenge}“. Jak se bude jmenovat? Stačí jeden krátký řádek.`,
  proposeDescription: 'Teď ho popište několika větami: co, kde a komu pomůže?',
  proposeCost: (budget: string) =>
    `Kolik to podle vás bude stát? Napište částku, například 15000 (celý rozpočet je ${budget}).`,
  proposeCostInvalid: (budget: string) =>
    `Potřebuji částku vyšší než nula, která se vejde do rozpočtu ${budget}. Například: 15000 nebo 15 tis.`,
  proposeLocation: 'Kde to bude? Pokud chcete, pošlete polohu nebo fotku, případně tento krok přeskočte.',
  proposeReview: (title: string, description: string, cost: string, extra: string) =>
    `Zkontrolujte prosím svůj návrh:\n\nNázev: ${title}\nPopis: ${description}\nNáklady: ${cost}${extra}\n\nMám ho odeslat?`,
  proposeHasLocation: '\nPoloha: připojena',
  proposeHasPhoto: '\nFotka: připojena',
  btnSubmit: '✅ Odeslat',
  btnEditTitle: 'Upravit název',
  btnEditDescription: 'Upravit popis',
  btnEditCost: 'Upravit náklady',
  proposeSent: (ref: string) =>
    `Odesláno! Váš návrh má číslo ${ref}. Posoudí ho pracovníci úřadu a já vám dám vědět, jak to dopadlo.`,
  proposeTextInvalid: (max: string) => `Napište prosím nějaký text (nejvýše ${max} znaků).`,

  // Supporting
  supportsNotOpen: 'U této výzvy se teď podpora nesbírá.',
  supported: (title: string) => `Děkuji, vaši podporu pro „${title}“ mám zaznamenanou.`,
  alreadySupported: (title: string) => `„${title}“ už podporujete.`,

  // Voting
  voteNotOpen: (title: string) => `Hlasování ve výzvě „${title}“ teď neprobíhá.`,
  voteNoChallenge: 'Teď neprobíhá žádné hlasování.',
  ballotKnapsack: (title: string, left: string, budget: string) =>
    `Váš hlasovací lístek pro „${title}“. Klepnutím na projekt ho přidáte nebo odeberete. Zbývá ${left} z ${budget}.`,
  ballotApproval: (title: string, min: number, max: number, chosen: number) =>
    `Váš hlasovací lístek pro „${title}“. Vyberte ${min === max ? projects(max) : `${min} až ${projects(max)}`} (vybráno: ${chosen}).`,
  ballotRanked: (title: string, max: number) =>
    `Váš hlasovací lístek pro „${title}“. Klepejte na projekty v pořadí, v jakém je upřednostňujete, nejlepší jako první (nejvýše ${max}). Dalším klepnutím projekt odeberete.`,
  ballotCumulative: (title: string, left: number, points: number) =>
    `Váš hlasovací lístek pro „${title}“. Každé klepnutí dá projektu jeden bod. Zbývající body: ${left} z ${points}.`,
  btnSubmitBallot: '✅ Odevzdat hlas',
  btnClearBallot: '🧹 Vymazat',
  ballotEmpty: 'Váš hlasovací lístek je prázdný: vyberte alespoň jeden projekt.',
  ballotOverBudget: (cost: string, left: string) =>
    `Tento projekt stojí ${cost}, ale z rozpočtu zbývá už jen ${left}. Nejdřív něco odeberte.`,
  ballotTooMany: (max: number) => `Vybrat můžete nejvýše ${projects(max)}. Nejdřív jeden odeberte.`,
  ballotNoPointsLeft: 'Už vám nezbývají žádné body. Pokud chcete začít znovu, vymažte hlasovací lístek.',
  ballotCast: (receipt: string) =>
    `Váš hlas byl přijat. Váš kód potvrzení je ${receipt}. Uschovejte si ho – podle něj si ověříte, že se váš hlasovací lístek započítal. Hlas můžete změnit až do konce hlasování.`,
  ballotChanged: (receipt: string) =>
    `Váš hlas byl změněn. Nový kód potvrzení je ${receipt} (starý se teď zobrazuje jako nahrazený).`,
  yourBallot: (title: string, receipt: string) =>
    `Váš hlasovací lístek pro „${title}“ (kód potvrzení ${receipt}).`,

  // Activity and following
  activityTitle: 'Vaše aktivita:',
  activityProposals: 'Vaše návrhy:',
  activityBallots: 'Vaše hlasovací lístky:',
  activityFollows: (n: number) => `Sledujete ${n} ${plural(n, 'položku', 'položky', 'položek')}.`,
  activityNothing: 'Zatím tu nemáte žádnou aktivitu. Podívejte se na výzvy!',
  followed: (title: string) => `Sledujete „${title}“. Ozvu se, až bude něco nového.`,
  unfollowed: (title: string) => `„${title}“ už nesledujete.`,

  // Results
  resultsNotYet: (title: string) => `Výsledky pro „${title}“ ještě nebyly zveřejněny.`,
  resultsNone: 'Zatím nebyly zveřejněny žádné výsledky.',
  resultsTitle: (title: string, funded: number, total: string, budget: string) =>
    `Výsledky pro „${title}“: ${funded} ${plural(funded, 'financovaný projekt', 'financované projekty', 'financovaných projektů')}, celkem ${total} z ${budget}.`,
  resultsRuleGreedy: 'Projekty byly vybrány postupně podle počtu hlasů (tzv. hladový algoritmus).',
  resultsRuleMes:
    'Hlasy byly sečteny podle pravidla „Metoda rovných podílů“, takže každá skupina voličů dostane svůj spravedlivý podíl.',
  chartLegendSelected: 'financováno',
  chartLegendNotSelected: 'nefinancováno',
  chartLegendVotes: 'hlasy',

  // Rating
  rateAsk: (title: string) => `Jak hodnotíte „${title}“?`,
  rated: (stars: number) => `Děkuji za hodnocení ${stars} z 5.`,
  rateNotAllowed: 'Hodnotit lze jen dokončené projekty.',

  // Questions
  askPrompt: 'Na co se chcete zeptat? Napište svůj dotaz.',
  faqAnswer: (answer: string) => `${answer}`,
  faqHelpful: 'Odpovídá to na váš dotaz?',
  btnAskOfficial: 'Zeptat se úřadu',
  questionForwarded: 'Váš dotaz teď putuje k pracovníkům úřadu. Jejich odpověď vám pošlu sem.',
  questionAnswered: (question: string, answer: string) => `Odpověď na váš dotaz „${question}“:\n\n${answer}`,

  // Settings
  settingsTitle: (language: string, notifications: boolean, verified: string) =>
    `Nastavení\nJazyk: ${language}\nOznámení: ${notifications ? 'zapnutá' : 'vypnutá'}\nOvěření: ${verified}`,
  verification: { none: 'neověřeno', phone: 'ověřeno telefonem', code: 'ověřeno kódem od úřadu' },
  btnLanguage: '🌐 Jazyk',
  btnNotificationsOn: '🔔 Zapnout oznámení',
  btnNotificationsOff: '🔕 Vypnout oznámení',
  btnVerifyPhone: '📱 Ověřit telefonem',
  btnVerifyCode: '🔑 Mám kód od úřadu',
  btnLink: '🔗 Propojit další aplikaci',
  btnEnterLinkCode: '🔗 Mám kód k propojení',
  btnExport: '📦 Moje data',
  btnDelete: '🗑 Smazat moje data',
  notificationsOn: 'Oznámení jsou zapnutá: budu vám psát o tom, co sledujete.',
  notificationsOff: 'Oznámení jsou vypnutá. Na vaše vlastní dotazy a návrhy ale odpovídat budu dál.',
  sharePhone:
    'Klepnutím na tlačítko níže nasdílíte své telefonní číslo. Ukládá se jen jeho otisk, ne samotné číslo.',
  btnSharePhone: '📱 Sdílet moje číslo',
  phoneVerified: 'Děkuji, váš telefon je ověřený.',
  phoneNotOwn: 'Přes tlačítko prosím sdílejte svůj vlastní kontakt, ne cizí.',
  codePrompt: 'Napište prosím svůj kód od úřadu.',
  codeVerified: 'Děkuji, váš účet je ověřený.',
  codeInvalid: 'Tento kód není platný. Zkontrolujte ho prosím a zkuste to znovu.',
  linkCode: (code: string, minutes: number) =>
    `Váš kód k propojení je ${code}. Do ${minutes} ${plural(minutes, 'minuty', 'minut', 'minut')} otevřete Agoru v druhé aplikaci, zvolte Nastavení, „Mám kód k propojení“ a kód zadejte.`,
  linkPrompt: 'Zadejte kód k propojení, který vám ukázala druhá aplikace.',
  linked: 'Hotovo! Obě aplikace teď sdílejí jeden účet.',
  exportReady: (json: string) => `Tady je vše, co o vás uchováváme:\n${json}`,
  deleteConfirm:
    'Smazat všechna vaše data? Vaše návrhy a hlasovací lístky zůstanou započítané, ale už nebudou spojené s vámi. Tento krok nejde vrátit.',
  btnDeleteYes: 'Ano, smazat vše',
  deleted: 'Vaše data jsou smazaná. Na shledanou! Pokud napíšete znovu, začnete úplně od začátku.',

  // Verification-required and other errors from the rules
  error: {
    NOT_FOUND: 'Tohle už se nepodařilo najít.',
    INVALID_INPUT: 'Tohle není úplně v pořádku, zkontrolujte to prosím a zkuste to znovu.',
    CONSENT_REQUIRED:
      'Pro zapojení potřebuji nejdřív váš souhlas se způsobem, jakým nakládáme s vašimi daty.',
    NOT_ELIGIBLE: 'Tato výzva vyžaduje ověřený účet. Ověřit se můžete v Nastavení.',
    CITIZEN_ERASED: 'Tento účet byl smazán.',
    PHONE_IN_USE:
      'Toto telefonní číslo už ověřilo jiný účet. Jedno číslo ověří jednoho člověka; pokud je ten druhý účet váš, propojte své aplikace v Nastavení → Propojit další aplikaci.',
    PROPOSALS_CLOSED: 'Tato výzva už nepřijímá návrhy.',
    SUPPORTS_CLOSED: 'Podpora se teď nesbírá.',
    VOTING_CLOSED: 'Hlasování je uzavřené, takže hlasovací lístek už nejde změnit.',
    ALREADY_SUPPORTED: 'Tento projekt už podporujete.',
    NOT_SUPPORTABLE: 'Tento projekt nelze podpořit.',
    RULES_LOCKED: 'Pravidla už nelze měnit.',
    INVALID_TRANSITION: 'V této fázi to není možné.',
    OVER_BUDGET: 'Vybrané projekty stojí víc, než je rozpočet.',
    UNDER_MINIMUM_BUDGET: 'Před odesláním prosím využijte větší část rozpočtu.',
    TOO_FEW_PROJECTS: 'Vyberte prosím víc projektů.',
    TOO_MANY_PROJECTS: 'Vybraných projektů je příliš mnoho.',
    UNKNOWN_PROJECT: 'Jeden z projektů už neexistuje.',
    PROJECT_NOT_ON_BALLOT: 'Jeden z projektů není na hlasovacím lístku.',
    DUPLICATE_CHOICE: 'Jeden projekt je vybraný dvakrát.',
    INVALID_POINTS: 'Rozdělení bodů není platné.',
    POINTS_EXCEEDED: 'Rozdaných bodů je víc, než máte k dispozici.',
    EMPTY_BALLOT: 'Váš hlasovací lístek je prázdný: vyberte alespoň jeden projekt.',
    RATING_NOT_ALLOWED: 'Hodnotit lze jen dokončené projekty.',
    INVALID_RATING: 'Hodnocení je 1 až 5 hvězdiček.',
    LINK_CODE_INVALID: 'Tento kód k propojení není platný nebo už vypršel.',
    IDENTITY_TAKEN: 'Tento účet už je propojený s někým jiným.',
    LINK_ACCOUNT_HAS_ACTIVITY:
      'Tento účet v aplikaci se už zapojil samostatně, takže ho nelze sloučit. Použijte prosím druhou aplikaci.',
    ALREADY_ANSWERED: 'Na tohle už je odpověď.',
    RESULTS_NOT_AVAILABLE: 'Výsledky ještě nebyly zveřejněny.',
  },
  slowDown: 'Posíláte zprávy velmi rychle. Počkejte prosím pár sekund a pak pokračujte.',
  somethingWrong: 'Na naší straně se něco pokazilo. Zkuste to prosím za chvíli znovu.',

  // Notifications pushed through the outbox
  notify: {
    reviewedAccepted: (title: string) =>
      `Dobrá zpráva: váš návrh „${title}“ byl přijat a bude na hlasovacím lístku.`,
    reviewedRejected: (title: string, reason: string) =>
      `Váš návrh „${title}“ nebyl přijat. Uvedený důvod: ${reason}`,
    reviewedCost: (title: string, cost: string) =>
      `Náklady vašeho návrhu „${title}“ byly stanoveny na ${cost}.`,
    update: (title: string, text: string) => `Novinky k „${title}“: ${text}`,
    results: (title: string, funded: number) =>
      `Výsledky pro „${title}“ jsou zveřejněné: ${funded} ${plural(funded, 'projekt bude financován', 'projekty budou financovány', 'projektů bude financováno')}.`,
    announcement: (title: string, text: string) => `${title}: ${text}`,
  },
};
