import type { LocalizedText } from '../../core/model/locale';

/** [en, el, bg, cs] → LocalizedText. */
const t = (en: string, el: string, bg: string, cs: string): LocalizedText => ({ en, el, bg, cs });

export interface DemoProject {
  title: LocalizedText;
  cost: number;
}

const p = (cost: number, en: string, el: string, bg: string, cs: string): DemoProject => ({
  cost,
  title: t(en, el, bg, cs),
});

export const DEMO = {
  mobility: {
    title: t(
      'Safe streets for everyone',
      'Ασφαλείς δρόμοι για όλους',
      'Безопасни улици за всички',
      'Bezpečné ulice pro všechny',
    ),
    description: t(
      'Ideas that make walking and cycling in our city safer.',
      'Ιδέες που κάνουν το περπάτημα και το ποδήλατο στην πόλη μας πιο ασφαλή.',
      'Идеи, които правят ходенето пеша и карането на колело в града ни по-безопасни.',
      'Nápady, díky kterým bude chůze a jízda na kole v našem městě bezpečnější.',
    ),
    projects: [
      p(
        45000,
        'Raised pedestrian crossings near schools',
        'Υπερυψωμένες διαβάσεις κοντά σε σχολεία',
        'Повдигнати пешеходни пътеки до училищата',
        'Zvýšené přechody u škol',
      ),
      p(
        120000,
        'Protected bike lane on the main avenue',
        'Προστατευμένος ποδηλατόδρομος στη λεωφόρο',
        'Защитена велоалея на булеварда',
        'Chráněný cyklopruh na hlavní třídě',
      ),
      p(
        60000,
        'Better street lighting in the old town',
        'Καλύτερος φωτισμός στο ιστορικό κέντρο',
        'По-добро улично осветление в стария град',
        'Lepší pouliční osvětlení ve starém městě',
      ),
      p(
        15000,
        'Bike racks at metro stations',
        'Θέσεις στάθμευσης ποδηλάτων στους σταθμούς του μετρό',
        'Стойки за велосипеди до метростанциите',
        'Stojany na kola u stanic metra',
      ),
      p(
        80000,
        'Wider pavements on Market Street',
        'Φαρδύτερα πεζοδρόμια στην οδό Αγοράς',
        'По-широки тротоари на Пазарната улица',
        'Širší chodníky v Tržní ulici',
      ),
    ],
  },
  green: {
    title: t('Greener neighbourhoods', 'Πιο πράσινες γειτονιές', 'По-зелени квартали', 'Zelenější čtvrti'),
    description: t(
      'Trees, gardens and water: propose what would make your street greener.',
      'Δέντρα, κήποι και νερό: προτείνετε τι θα έκανε τον δρόμο σας πιο πράσινο.',
      'Дървета, градини и вода: предложете какво би направило улицата ви по-зелена.',
      'Stromy, zahrady a voda: navrhněte, co by vaši ulici udělalo zelenější.',
    ),
    projects: [
      p(
        25000,
        'Community garden by the river',
        'Κοινοτικός λαχανόκηπος δίπλα στο ποτάμι',
        'Общностна градина до реката',
        'Komunitní zahrada u řeky',
      ),
      p(
        70000,
        '200 new street trees',
        '200 νέα δέντρα στους δρόμους',
        '200 нови дървета по улиците',
        '200 nových stromů v ulicích',
      ),
      p(
        18000,
        'Drinking fountains in parks',
        'Βρύσες πόσιμου νερού στα πάρκα',
        'Чешми с питейна вода в парковете',
        'Pítka v parcích',
      ),
    ],
  },
  culture: {
    title: t(
      'Culture in our squares',
      'Πολιτισμός στις πλατείες μας',
      'Култура на нашите площади',
      'Kultura na našich náměstích',
    ),
    description: t(
      'Support the cultural proposals you want to see on the ballot.',
      'Στηρίξτε τις πολιτιστικές προτάσεις που θέλετε να δείτε στην ψηφοφορία.',
      'Подкрепете културните предложения, които искате да видите в бюлетината.',
      'Podpořte kulturní návrhy, které chcete vidět na hlasovacím lístku.',
    ),
    projects: [
      p(
        30000,
        'Open-air summer cinema',
        'Θερινό σινεμά στην πλατεία',
        'Лятно кино на открито',
        'Letní kino pod širým nebem',
      ),
      p(
        40000,
        'Street music festival',
        'Φεστιβάλ μουσικής του δρόμου',
        'Фестивал на уличната музика',
        'Festival pouliční hudby',
      ),
      p(
        12000,
        'Mural by local artists',
        'Τοιχογραφία από ντόπιους καλλιτέχνες',
        'Стенопис от местни художници',
        'Nástěnná malba místních umělců',
      ),
      p(
        6000,
        'Little free libraries',
        'Μικρές δανειστικές βιβλιοθήκες',
        'Малки библиотеки за размяна на книги',
        'Knihobudky',
      ),
    ],
  },
  playgrounds: {
    title: t('Playgrounds 2025', 'Παιδικές χαρές 2025', 'Детски площадки 2025', 'Dětská hřiště 2025'),
    description: t(
      'The projects you chose are being built: follow their progress.',
      'Τα έργα που επιλέξατε κατασκευάζονται: παρακολουθήστε την πρόοδό τους.',
      'Проектите, които избрахте, се изграждат: следете напредъка им.',
      'Projekty, které jste vybrali, se staví: sledujte jejich postup.',
    ),
    projects: [
      p(
        90000,
        'Inclusive playground in Central Park',
        'Παιδική χαρά για όλα τα παιδιά στο κεντρικό πάρκο',
        'Приобщаваща детска площадка в Централния парк',
        'Inkluzivní hřiště v centrálním parku',
      ),
      p(
        20000,
        'Shade sails over sandpits',
        'Σκίαστρα πάνω από τις αμμοδόχους',
        'Сенници над пясъчниците',
        'Stínicí plachty nad pískovišti',
      ),
      p(
        75000,
        'Skate park renovation',
        'Ανακαίνιση του σκέιτ πάρκ',
        'Ремонт на скейт парка',
        'Rekonstrukce skateparku',
      ),
      p(
        35000,
        'Outdoor fitness for teenagers',
        'Υπαίθρια γυμναστική για εφήβους',
        'Фитнес на открито за тийнейджъри',
        'Venkovní posilovna pro teenagery',
      ),
    ],
  },
  tourism: {
    title: t('Welcoming visitors', 'Φιλοξενία επισκεπτών', 'Посрещане на туристи', 'Vítáme návštěvníky'),
    description: t(
      'Coming soon: ideas for signs, maps and tours that help visitors find their way.',
      'Σύντομα: ιδέες για πινακίδες, χάρτες και περιηγήσεις που βοηθούν τους επισκέπτες.',
      'Очаквайте скоро: идеи за табели, карти и обиколки, които помагат на посетителите.',
      'Již brzy: nápady na značení, mapy a prohlídky, které pomohou návštěvníkům.',
    ),
    projects: [] as DemoProject[],
  },
};
