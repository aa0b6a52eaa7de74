//! Records to render: the built-in corpus, the TeX Live `.bib` files installed on the
//! machine, and generated records with names and titles in many languages and scripts.

use crate::perceptron::Rng;
use bibgraph::model::{Name, PersonName, Work, WorkKey, WorkType, Year};

struct Lang {
    families: &'static [&'static str],
    givens: &'static [&'static str],
    words: &'static [&'static str],
    /// Written without spaces between words.
    unspaced: bool,
    journals: &'static [&'static str],
    publishers: &'static [&'static str],
    places: &'static [&'static str],
}

const EN_JOURNALS: &[&str] = &[
    "American Journal of Sociology",
    "Journal of Ethnic and Migration Studies",
    "Physical Review Letters",
    "Nature",
    "Science",
    "Social Forces",
    "The Astrophysical Journal",
    "Journal of Chemical Physics",
    "International Migration Review",
    "Annual Review of Sociology",
    "Proceedings of the National Academy of Sciences",
    "Cognitive Science",
    "Journal of Memory and Language",
    "Global Networks",
    "Ethnic and Racial Studies",
    "Monthly Notices of the Royal Astronomical Society",
    "Phys. Rev. Lett.",
    "Phys. Rev. B",
    "Nucl. Phys. B",
    "Astrophys. J.",
    "Mon. Not. R. Astron. Soc.",
    "MNRAS",
    "ApJ",
    "A&A",
    "J. Chem. Phys.",
    "Curr. Opin. Neurobiol.",
    "Proc. Natl. Acad. Sci. USA",
    "J. Am. Chem. Soc.",
    "Angew. Chem. Int. Ed.",
    "Annu. Rev. Sociol.",
    "Am. J. Sociol.",
    "Int. Migr. Rev.",
    "J. Mol. Biol.",
    "Nat. Commun.",
    "Cell Rep.",
    "Lancet",
    "BMJ",
    "JAMA",
    "N. Engl. J. Med.",
    "Ann. Phys.",
    "Commun. Math. Phys.",
    "J. High Energy Phys.",
    "Class. Quantum Grav.",
    "IEEE Trans. Pattern Anal. Mach. Intell.",
    "Computational Linguistics",
    "Language",
    "Economic Journal",
    "Quarterly Journal of Economics",
    "Journal of Applied Psychology",
    "Child Development",
    "PLoS ONE",
    "Sci. Rep.",
];
const EN_PUBLISHERS: &[&str] = &[
    "Oxford University Press",
    "Cambridge University Press",
    "Routledge",
    "Springer",
    "Wiley",
    "Sage",
    "Elsevier",
    "MIT Press",
    "Princeton University Press",
    "University of Chicago Press",
    "Harvard University Press",
    "Verso",
    "Polity",
    "Palgrave Macmillan",
    "Academic Press",
    "Basic Books",
    "Penguin",
    "W. W. Norton",
    "Russell Sage Foundation",
    "Blackwell",
    "Columbia University Press",
    "Yale University Press",
    "Stanford University Press",
    "CRC Press",
    "World Scientific",
    "Addison-Wesley",
    "Prentice Hall",
    "McGraw-Hill",
    "North-Holland",
    "Brill",
    "De Gruyter",
];
const EN_PLACES: &[&str] = &[
    "New York",
    "London",
    "Oxford",
    "Cambridge, MA",
    "Cambridge",
    "Chicago",
    "Princeton, NJ",
    "Boston",
    "San Francisco",
    "Thousand Oaks, CA",
    "Basingstoke",
    "Amsterdam",
    "Leiden",
    "Berlin",
    "Heidelberg",
    "Stanford, CA",
    "New Haven",
    "Singapore",
    "Philadelphia",
    "Toronto",
    "Sydney",
    "Los Angeles",
    "Washington, DC",
    "Ithaca, NY",
];

const LANGS: &[Lang] = &[
    Lang {
        families: &[
            "Smith",
            "Johnson",
            "Brown",
            "Taylor",
            "Anderson",
            "Thomas",
            "Jackson",
            "White",
            "Harris",
            "Martin",
            "Thompson",
            "Robinson",
            "Clark",
            "Lewis",
            "Walker",
            "Hall",
            "Allen",
            "Young",
            "King",
            "Wright",
            "Scott",
            "Green",
            "Baker",
            "Adams",
            "Nelson",
            "Hill",
            "Campbell",
            "Mitchell",
            "Roberts",
            "Carter",
            "Phillips",
            "Evans",
            "Turner",
            "Parker",
            "Collins",
            "Edwards",
            "Stewart",
            "Morris",
            "Murphy",
            "Cook",
            "Rogers",
            "Morgan",
            "Cooper",
            "Peterson",
            "Reed",
            "Bailey",
            "Kelly",
            "Howard",
            "O'Brien",
            "McDonald",
            "Fitzgerald",
            "Glick Schiller",
            "Smith-Jones",
        ],
        givens: &[
            "James",
            "Mary",
            "John",
            "Patricia",
            "Robert",
            "Jennifer",
            "Michael",
            "Linda",
            "William",
            "Elizabeth",
            "David",
            "Barbara",
            "Richard",
            "Susan",
            "Joseph",
            "Jessica",
            "Sarah",
            "Charles",
            "Karen",
            "Anne-Marie",
            "J. R.",
            "Peggy",
            "Alejandro",
            "Nina",
        ],
        words: &[
            "analysis",
            "of",
            "the",
            "a",
            "social",
            "networks",
            "migration",
            "transnational",
            "theory",
            "evidence",
            "from",
            "new",
            "approach",
            "to",
            "model",
            "learning",
            "structure",
            "dynamics",
            "in",
            "and",
            "political",
            "economy",
            "history",
            "culture",
            "identity",
            "effects",
            "on",
            "children",
            "health",
            "policy",
            "data",
            "quantum",
            "field",
            "galaxy",
            "stellar",
            "formation",
            "protein",
            "cell",
            "neural",
            "memory",
            "language",
            "urban",
            "rural",
            "development",
            "state",
            "market",
            "labour",
            "gender",
            "religion",
            "Europe",
            "America",
            "China",
            "Africa",
            "global",
            "local",
            "community",
            "systems",
            "design",
            "evaluation",
            "study",
            "case",
            "review",
            "towards",
            "understanding",
            "conformal",
            "invariance",
            "two-dimensional",
            "black",
            "holes",
            "spectroscopy",
            "synthesis",
            "catalysis",
            "immigrant",
            "assimilation",
            "second",
            "generation",
            "why",
            "how",
            "what",
        ],
        unspaced: false,
        journals: EN_JOURNALS,
        publishers: EN_PUBLISHERS,
        places: EN_PLACES,
    },
    Lang {
        families: &[
            "Müller",
            "Schmidt",
            "Schneider",
            "Fischer",
            "Weber",
            "Meyer",
            "Wagner",
            "Becker",
            "Schulz",
            "Hoffmann",
            "Koch",
            "Bauer",
            "Richter",
            "Klein",
            "Wolf",
            "Schröder",
            "Neumann",
            "Schwarz",
            "Zimmermann",
            "Braun",
            "Krüger",
            "Hartmann",
            "Lange",
            "Werner",
            "Krause",
            "Lehmann",
            "Köhler",
            "von Weizsäcker",
        ],
        givens: &[
            "Hans",
            "Jürgen",
            "Ulrike",
            "Günter",
            "Stefan",
            "Sabine",
            "Wolfgang",
            "Monika",
            "Klaus",
            "Andrea",
            "Karl-Heinz",
        ],
        words: &[
            "die",
            "der",
            "und",
            "Geschichte",
            "Gesellschaft",
            "Entwicklung",
            "Migration",
            "Theorie",
            "Politik",
            "zur",
            "des",
            "im",
            "Wandel",
            "Bildung",
            "Arbeit",
            "Sprache",
            "Kultur",
            "eine",
            "Untersuchung",
            "über",
            "Deutschland",
            "Einwanderung",
            "Soziologie",
            "Grundlagen",
        ],
        unspaced: false,
        journals: &[
            "Zeitschrift für Soziologie",
            "Kölner Zeitschrift für Soziologie und Sozialpsychologie",
            "Soziale Welt",
            "Berliner Journal für Soziologie",
            "Z. Phys.",
            "Physikalische Blätter",
            "Psychologische Rundschau",
        ],
        publishers: &[
            "Suhrkamp",
            "Campus",
            "VS Verlag für Sozialwissenschaften",
            "C. H. Beck",
            "Springer",
            "transcript",
            "Westdeutscher Verlag",
            "Leske + Budrich",
            "Nomos",
            "Kohlhammer",
        ],
        places: &[
            "Frankfurt am Main",
            "Berlin",
            "München",
            "Wiesbaden",
            "Stuttgart",
            "Opladen",
            "Bielefeld",
            "Wien",
            "Zürich",
            "Hamburg",
            "Baden-Baden",
        ],
    },
    Lang {
        families: &[
            "Martin",
            "Bernard",
            "Dubois",
            "Durand",
            "Leroy",
            "Moreau",
            "Simon",
            "Laurent",
            "Lefèbvre",
            "Michel",
            "Bertrand",
            "Roux",
            "Fournier",
            "Girard",
            "Bonnet",
            "Dupont",
            "Lambert",
            "Fontaine",
            "Rousseau",
            "Chevalier",
            "de La Fontaine",
            "Le Goff",
        ],
        givens: &[
            "Jean",
            "Marie",
            "Pierre",
            "Françoise",
            "Jacques",
            "Hélène",
            "Élodie",
            "Stéphane",
            "Benoît",
            "Cécile",
            "Jean-Pierre",
        ],
        words: &[
            "la",
            "le",
            "les",
            "de",
            "des",
            "et",
            "histoire",
            "société",
            "politique",
            "migration",
            "théorie",
            "l'État",
            "économie",
            "étude",
            "sur",
            "une",
            "approche",
            "développement",
            "être",
            "temps",
            "sociologie",
            "immigrés",
            "France",
            "mémoire",
        ],
        unspaced: false,
        journals: &[
            "Revue française de sociologie",
            "Annales",
            "L'Homme",
            "Population",
            "Revue européenne des migrations internationales",
            "Sociologie du travail",
            "J. Phys. France",
        ],
        publishers: &[
            "Gallimard",
            "Seuil",
            "Presses Universitaires de France",
            "La Découverte",
            "Fayard",
            "Armand Colin",
            "Éditions de Minuit",
            "L'Harmattan",
            "CNRS Éditions",
        ],
        places: &["Paris", "Lyon", "Marseille", "Bruxelles", "Genève", "Montréal", "Québec", "Lausanne"],
    },
    Lang {
        families: &[
            "García",
            "Fernández",
            "González",
            "Rodríguez",
            "López",
            "Martínez",
            "Sánchez",
            "Pérez",
            "Gómez",
            "Silva",
            "Santos",
            "Oliveira",
            "Souza",
            "Rossi",
            "Russo",
            "Ferrari",
            "Esposito",
            "Bianchi",
            "Romano",
            "Colombo",
            "Ricci",
            "Pérez-Armendáriz",
            "da Silva",
            "de la Cruz",
        ],
        givens: &[
            "José",
            "María",
            "Juan",
            "Ana",
            "Luis",
            "Carmen",
            "João",
            "Giulia",
            "Marco",
            "Francesca",
            "Luís",
            "Inês",
        ],
        words: &[
            "la",
            "el",
            "los",
            "de",
            "y",
            "historia",
            "sociedad",
            "política",
            "migración",
            "teoría",
            "estudio",
            "análisis",
            "desarrollo",
            "en",
            "una",
            "storia",
            "della",
            "società",
            "sociedade",
            "uma",
            "análise",
            "migrações",
            "trabalho",
            "cidade",
        ],
        unspaced: false,
        journals: &[
            "Revista Española de Investigaciones Sociológicas",
            "Papers",
            "Revista Mexicana de Sociología",
            "Rassegna Italiana di Sociologia",
            "Análise Social",
            "Il Nuovo Cimento",
        ],
        publishers: &[
            "Siglo XXI",
            "Alianza Editorial",
            "Paidós",
            "Il Mulino",
            "Laterza",
            "Einaudi",
            "Editora Vozes",
            "Fondo de Cultura Económica",
            "Afrontamento",
        ],
        places: &[
            "Madrid",
            "Barcelona",
            "México",
            "Buenos Aires",
            "Roma",
            "Milano",
            "Bologna",
            "Lisboa",
            "São Paulo",
            "Rio de Janeiro",
            "Porto",
        ],
    },
    Lang {
        families: &[
            "Kowalski",
            "Nowak",
            "Wiśniewski",
            "Wójcik",
            "Dvořák",
            "Novák",
            "Yılmaz",
            "Kaya",
            "Demir",
            "Şahin",
            "Nguyen",
            "Tran",
            "Pham",
            "Jansen",
            "de Vries",
            "van Dijk",
            "Bakker",
            "Visser",
            "de Jong",
            "van den Heuvel",
            "Andersson",
            "Johansson",
            "Nielsen",
            "Hansen",
            "Korhonen",
            "Nagy",
            "Horváth",
            "Al-Farsi",
            "Haddad",
            "Khalil",
            "Mansour",
            "Nasser",
            "Hussein",
            "Singh",
            "Kumar",
            "Sharma",
            "Patel",
        ],
        givens: &[
            "Piotr",
            "Agnieszka",
            "Jan",
            "Tomáš",
            "Ayşe",
            "Mehmet",
            "Minh",
            "Thi Lan",
            "Pieter",
            "Sanne",
            "Lars",
            "Ingrid",
            "Mikko",
            "László",
            "Ahmed",
            "Fatima",
            "Omar",
            "Layla",
            "Rajesh",
            "Priya",
        ],
        words: &[
            "analysis",
            "of",
            "the",
            "migration",
            "networks",
            "in",
            "and",
            "policy",
            "social",
            "state",
            "identity",
            "evidence",
            "local",
            "global",
            "history",
            "comparative",
            "perspective",
            "transnational",
            "families",
            "diaspora",
            "citizenship",
            "labour",
            "markets",
        ],
        unspaced: false,
        journals: EN_JOURNALS,
        publishers: EN_PUBLISHERS,
        places: &[
            "Warszawa",
            "Praha",
            "Istanbul",
            "Ankara",
            "Hanoi",
            "Amsterdam",
            "Utrecht",
            "Stockholm",
            "Copenhagen",
            "Helsinki",
            "Budapest",
            "Cairo",
            "Beirut",
            "New Delhi",
            "Mumbai",
        ],
    },
    Lang {
        families: &[
            "Иванов",
            "Смирнов",
            "Кузнецов",
            "Попов",
            "Васильев",
            "Петров",
            "Соколов",
            "Михайлов",
            "Новиков",
            "Фёдоров",
        ],
        givens: &["Александр", "Сергей", "Елена", "Ольга", "Дмитрий", "Наталья", "Андрей", "Ирина"],
        words: &[
            "история",
            "общество",
            "политика",
            "развитие",
            "теория",
            "анализ",
            "и",
            "в",
            "о",
            "миграция",
            "экономика",
            "России",
            "социальные",
            "сети",
            "исследование",
            "проблемы",
        ],
        unspaced: false,
        journals: &[
            "Социологические исследования",
            "Вопросы экономики",
            "Журнал экспериментальной и теоретической физики",
            "Успехи физических наук",
        ],
        publishers: &["Наука", "Прогресс", "Издательский дом ВШЭ", "Мысль"],
        places: &["Москва", "Санкт-Петербург", "М.", "СПб."],
    },
    Lang {
        families: &["Παπαδόπουλος", "Γεωργίου", "Οικονόμου", "Παππάς", "Βλάχος", "Αντωνίου"],
        givens: &["Γιώργος", "Μαρία", "Νίκος", "Ελένη", "Κώστας"],
        words: &[
            "ιστορία",
            "της",
            "και",
            "κοινωνία",
            "πολιτική",
            "μετανάστευση",
            "θεωρία",
            "ανάλυση",
            "στην",
            "Ελλάδα",
        ],
        unspaced: false,
        journals: &["Επιθεώρηση Κοινωνικών Ερευνών", "Σύγχρονα Θέματα"],
        publishers: &["Κριτική", "Gutenberg", "Πολύτροπον"],
        places: &["Αθήνα", "Θεσσαλονίκη"],
    },
    Lang {
        families: &[
            "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "高",
            "林", "罗", "欧阳", "司马",
        ],
        givens: &[
            "伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明",
            "超", "秀兰", "霞", "小明", "建国", "志强",
        ],
        words: &[
            "社会",
            "研究",
            "中国",
            "经济",
            "发展",
            "城市化",
            "与",
            "农村",
            "人口",
            "流动",
            "理论",
            "分析",
            "方法",
            "问题",
            "教育",
            "文化",
            "历史",
            "政治",
            "现代",
            "国家",
            "关系",
            "网络",
            "结构",
            "变迁",
            "影响",
            "的",
            "基于",
            "模型",
            "实证",
            "机制",
            "量子",
            "材料",
            "性能",
        ],
        unspaced: true,
        journals: &[
            "社会学研究",
            "中国社会科学",
            "心理学报",
            "经济研究",
            "物理学报",
            "人口研究",
            "管理世界",
            "中国科学",
        ],
        publishers: &[
            "商务印书馆",
            "社会科学文献出版社",
            "北京大学出版社",
            "中华书局",
            "科学出版社",
            "人民出版社",
            "三联书店",
        ],
        places: &["北京", "上海", "南京", "广州", "武汉", "香港", "台北"],
    },
    Lang {
        families: &["佐藤", "鈴木", "高橋", "田中", "伊藤", "渡辺", "山本", "中村", "小林", "加藤", "山田", "吉田"],
        givens: &["太郎", "花子", "健一", "由美", "翔太", "陽子", "誠", "直樹", "恵子", "大輔"],
        words: &[
            "日本",
            "社会",
            "研究",
            "における",
            "の",
            "経済",
            "発展",
            "理論",
            "分析",
            "教育",
            "文化",
            "歴史",
            "について",
            "問題",
            "移民",
            "都市",
            "と",
            "構造",
            "変容",
            "考察",
            "現代",
            "地域",
        ],
        unspaced: true,
        journals: &["社会学評論", "日本物理学会誌", "心理学研究", "経済研究", "教育社会学研究", "人口問題研究"],
        publishers: &["岩波書店", "東京大学出版会", "有斐閣", "ミネルヴァ書房", "勁草書房", "講談社"],
        places: &["東京", "京都", "大阪", "名古屋"],
    },
    Lang {
        families: &["김", "이", "박", "최", "정", "강", "조", "윤", "장", "임", "한", "오"],
        givens: &["민준", "서연", "지훈", "수빈", "현우", "지민", "영희", "철수", "동현"],
        words: &[
            "한국", "사회", "연구", "의", "경제", "발전", "이론", "분석", "교육", "문화", "역사", "에", "대한", "이민",
            "도시", "구조", "변화", "과", "정책", "현대",
        ],
        unspaced: false,
        journals: &["한국사회학", "한국심리학회지", "경제학연구", "한국정치학회보", "새물리"],
        publishers: &["한울아카데미", "서울대학교출판부", "나남", "문학과지성사", "창비"],
        places: &["서울", "부산", "파주"],
    },
    Lang {
        families: &[
            "Wang",
            "Li",
            "Zhang",
            "Liu",
            "Chen",
            "Yang",
            "Huang",
            "Zhao",
            "Wu",
            "Zhou",
            "Sato",
            "Suzuki",
            "Takahashi",
            "Tanaka",
            "Watanabe",
            "Yamamoto",
            "Kim",
            "Lee",
            "Park",
            "Choi",
            "Jung",
        ],
        givens: &[
            "Wei", "Fang", "Xiaoming", "Jianguo", "Hong", "Hiroshi", "Yuki", "Kenji", "Akiko", "Min-jun", "Seo-yeon",
            "Ji-hoon",
        ],
        words: &[
            "analysis",
            "of",
            "the",
            "in",
            "and",
            "China",
            "Japan",
            "Korea",
            "East",
            "Asian",
            "urbanization",
            "rural",
            "migrants",
            "social",
            "networks",
            "firms",
            "evidence",
            "from",
            "panel",
            "data",
            "deep",
            "learning",
            "graphene",
            "superconductivity",
            "lattice",
            "QCD",
        ],
        unspaced: false,
        journals: EN_JOURNALS,
        publishers: EN_PUBLISHERS,
        places: &["Beijing", "Shanghai", "Tokyo", "Kyoto", "Seoul", "Hong Kong", "Singapore", "Taipei"],
    },
];

fn pick<'a>(rng: &mut Rng, xs: &[&'a str]) -> &'a str {
    xs[rng.below(xs.len())]
}

fn person(rng: &mut Rng, lang: &Lang) -> Name {
    let family = pick(rng, lang.families);
    let given = pick(rng, lang.givens);
    for particle in ["van den ", "van der ", "von ", "de la ", "de ", "van ", "da ", "le "] {
        if let Some(rest) = family.strip_prefix(particle) {
            if rest.starts_with(char::is_uppercase) {
                return Name::Person(PersonName {
                    family: rest.into(),
                    given: Some(given.into()),
                    particle: Some(particle.trim().into()),
                    suffix: None,
                });
            }
        }
    }
    Name::person(family, Some(given))
}

fn title(rng: &mut Rng, lang: &Lang) -> String {
    let n = 2 + rng.below(if lang.unspaced { 6 } else { 11 });
    let words: Vec<&str> = (0..n).map(|_| pick(rng, lang.words)).collect();
    let mut t = if lang.unspaced { words.concat() } else { words.join(" ") };
    if rng.chance(0.2) {
        let sub: Vec<&str> = (0..2 + rng.below(4)).map(|_| pick(rng, lang.words)).collect();
        t = if lang.unspaced { format!("{t}：{}", sub.concat()) } else { format!("{t}: {}", sub.join(" ")) };
    }
    if rng.chance(0.04) {
        t.push('?');
    }
    let mut c = t.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => t,
    }
}

fn alnum(rng: &mut Rng, n: usize) -> String {
    (0..n).map(|_| b"abcdefghijklmnopqrstuvwxyz0123456789"[rng.below(36)] as char).collect()
}

/// A generated record.
pub fn generated(rng: &mut Rng, i: usize) -> Work {
    let lang = &LANGS[if rng.chance(0.35) { 0 } else { rng.below(LANGS.len()) }];
    let mut w = Work { key: WorkKey::new(format!("g{i}")), ..Default::default() };
    let n_authors = match rng.below(20) {
        0..=6 => 1,
        7..=11 => 2,
        12..=14 => 3,
        15..=17 => 4 + rng.below(3),
        _ => 7 + rng.below(12),
    };
    if rng.chance(0.05) {
        w.authors = vec![Name::literal(pick(
            rng,
            &[
                "World Health Organization",
                "OECD",
                "United Nations",
                "European Commission",
                "国家统计局",
                "ATLAS Collaboration",
                "Statistics Canada",
                "U.S. Census Bureau",
            ],
        ))];
    } else if !rng.chance(0.03) {
        w.authors = (0..n_authors).map(|_| person(rng, lang)).collect();
    }
    w.year = Some(Year::new(1900 + rng.below(125) as i32));
    w.title = Some(title(rng, lang));
    let kind = rng.below(100);
    let pages = |rng: &mut Rng| {
        let a = 1 + rng.below(2000);
        format!("{}–{}", a, a + 1 + rng.below(40))
    };
    if kind < 55 {
        w.kind = WorkType::ArticleJournal;
        w.container_title = Some(pick(rng, lang.journals).into());
        w.volume = Some((1 + rng.below(500)).to_string());
        if rng.chance(0.5) {
            w.issue = Some((1 + rng.below(12)).to_string());
        }
        if rng.chance(0.85) {
            w.pages = Some(if rng.chance(0.1) { format!("{}", 100000 + rng.below(900000)) } else { pages(rng) });
        }
        if rng.chance(0.3) {
            let (prefix, len) = (1000 + rng.below(9000), 6 + rng.below(10));
            w.doi = Some(format!("10.{prefix}/{}", alnum(rng, len)));
        }
        if rng.chance(0.08) {
            w.title = None;
        }
    } else if kind < 75 {
        w.kind = WorkType::Book;
        w.publisher = Some(pick(rng, lang.publishers).into());
        if rng.chance(0.8) {
            w.place = Some(pick(rng, lang.places).into());
        }
        if rng.chance(0.1) {
            w.edition = Some((2 + rng.below(5)).to_string());
        }
        if rng.chance(0.15) && w.authors.len() < 4 {
            w.editors = std::mem::take(&mut w.authors);
        }
    } else if kind < 90 {
        w.kind = WorkType::Chapter;
        w.editors = (0..1 + rng.below(3)).map(|_| person(rng, lang)).collect();
        w.container_title = Some(title(rng, lang));
        w.pages = Some(pages(rng));
        w.publisher = Some(pick(rng, lang.publishers).into());
        if rng.chance(0.8) {
            w.place = Some(pick(rng, lang.places).into());
        }
    } else if kind < 95 {
        w.kind = WorkType::Thesis;
        w.genre = Some(
            pick(
                rng,
                &[
                    "PhD thesis",
                    "Doctoral dissertation",
                    "Master's thesis",
                    "Dissertation",
                    "博士学位论文",
                    "Thèse de doctorat",
                ],
            )
            .into(),
        );
        w.publisher = Some(format!(
            "University of {}",
            pick(rng, &["Oxford", "Chicago", "Toronto", "Tokyo", "Amsterdam", "Michigan"])
        ));
        if rng.chance(0.5) {
            w.place = Some(pick(rng, lang.places).into());
        }
    } else {
        w.kind = WorkType::Report;
        w.genre = Some(pick(rng, &["Technical report", "Working paper", "Discussion paper", "Policy brief"]).into());
        w.number = Some((1 + rng.below(999)).to_string());
        w.publisher = Some(
            pick(
                rng,
                &[
                    "National Bureau of Economic Research",
                    "World Bank",
                    "RAND Corporation",
                    "IZA",
                    "CERN",
                    "Max Planck Institute",
                ],
            )
            .into(),
        );
        if rng.chance(0.5) {
            w.place = Some(pick(rng, lang.places).into());
        }
    }
    if rng.chance(0.07) {
        let (a, b, c) = (alnum(rng, 6), alnum(rng, 4), alnum(rng, 8));
        w.url = Some(format!("https://www.{a}.org/{b}/{c}"));
    }
    w
}

/// Works from the TeX Live `.bib` files under `root` with a title and a year, at most
/// `limit` of them, chosen by the seeded generator.
pub fn texlive(root: &str, limit: usize, rng: &mut Rng) -> Vec<Work> {
    let mut files = Vec::new();
    let mut stack = vec![std::path::PathBuf::from(root)];
    while let Some(dir) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else { continue };
        let mut paths: Vec<_> = entries.flatten().map(|e| e.path()).collect();
        paths.sort();
        for p in paths {
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|e| e == "bib") {
                files.push(p);
            }
        }
    }
    files.sort();
    let mut works = Vec::new();
    for f in &files {
        let Ok(bytes) = std::fs::read(f) else { continue };
        let import = bibgraph::import::bibtex(&bytes, &f.display().to_string());
        works.extend(import.works.into_iter().filter(|w| {
            let tex = |v: &Option<String>| v.as_deref().is_some_and(|s| s.contains(['\\', '{', '}', '$']));
            !tex(&w.title)
                && !tex(&w.container_title)
                && !tex(&w.publisher)
                && w.title.is_some()
                && w.year.as_ref().is_some_and(|y| y.year.is_some())
                && (!w.authors.is_empty() || !w.editors.is_empty())
        }));
    }
    rng.shuffle(&mut works);
    works.truncate(limit);
    for (i, w) in works.iter_mut().enumerate() {
        w.key = WorkKey::new(format!("t{i}"));
        // Only the fields the styles print, as the generator sets them.
        w.note = None;
        w.annotation = None;
        w.records.clear();
        w.flags.clear();
        w.repairs.clear();
    }
    eprintln!("TeX Live: {} .bib files, {} works kept", files.len(), works.len());
    works
}
