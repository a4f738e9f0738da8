/**
 * Names people type for countries, US states and Canadian provinces, keyed for lookup.
 *
 * Each line: the code, then (countries) the ISO alpha-3 code, then names and aliases separated by
 * `|`. Keys are compared after `lookupKey`, so accents, dots and case do not matter
 * (`U.S.A.`, `usa` and `USA` are one key; `Québec` is `QUEBEC`).
 */

// ISO 3166-1: every officially assigned code, with the English short name and common aliases
// (including a few local spellings of the countries the reference territories use).
const COUNTRIES = `
AD AND Andorra
AE ARE United Arab Emirates|UAE|Emirates
AF AFG Afghanistan
AG ATG Antigua and Barbuda
AI AIA Anguilla
AL ALB Albania
AM ARM Armenia
AO AGO Angola
AQ ATA Antarctica
AR ARG Argentina
AS ASM American Samoa
AT AUT Austria|Österreich
AU AUS Australia
AW ABW Aruba
AX ALA Åland Islands
AZ AZE Azerbaijan
BA BIH Bosnia and Herzegovina|Bosnia
BB BRB Barbados
BD BGD Bangladesh
BE BEL Belgium|België|Belgique
BF BFA Burkina Faso
BG BGR Bulgaria
BH BHR Bahrain
BI BDI Burundi
BJ BEN Benin
BL BLM Saint Barthélemy
BM BMU Bermuda
BN BRN Brunei Darussalam|Brunei
BO BOL Bolivia|Bolivia, Plurinational State of
BQ BES Bonaire, Sint Eustatius and Saba
BR BRA Brazil|Brasil
BS BHS Bahamas
BT BTN Bhutan
BV BVT Bouvet Island
BW BWA Botswana
BY BLR Belarus
BZ BLZ Belize
CA CAN Canada
CC CCK Cocos (Keeling) Islands
CD COD Democratic Republic of the Congo|DR Congo|DRC|Congo, Democratic Republic of the
CF CAF Central African Republic
CG COG Congo|Republic of the Congo
CH CHE Switzerland|Schweiz|Suisse|Svizzera
CI CIV Côte d'Ivoire|Ivory Coast
CK COK Cook Islands
CL CHL Chile
CM CMR Cameroon
CN CHN China|People's Republic of China|PRC|Mainland China
CO COL Colombia
CR CRI Costa Rica
CU CUB Cuba
CV CPV Cabo Verde|Cape Verde
CW CUW Curaçao
CX CXR Christmas Island
CY CYP Cyprus
CZ CZE Czechia|Czech Republic
DE DEU Germany|Deutschland
DJ DJI Djibouti
DK DNK Denmark|Danmark
DM DMA Dominica
DO DOM Dominican Republic
DZ DZA Algeria
EC ECU Ecuador
EE EST Estonia
EG EGY Egypt
EH ESH Western Sahara
ER ERI Eritrea
ES ESP Spain|España
ET ETH Ethiopia
FI FIN Finland|Suomi
FJ FJI Fiji
FK FLK Falkland Islands
FM FSM Micronesia|Micronesia, Federated States of
FO FRO Faroe Islands
FR FRA France
GA GAB Gabon
GB GBR United Kingdom|UK|Great Britain|Britain|England|Scotland|Wales|Northern Ireland|United Kingdom of Great Britain and Northern Ireland
GD GRD Grenada
GE GEO Georgia
GF GUF French Guiana
GG GGY Guernsey
GH GHA Ghana
GI GIB Gibraltar
GL GRL Greenland
GM GMB Gambia
GN GIN Guinea
GP GLP Guadeloupe
GQ GNQ Equatorial Guinea
GR GRC Greece
GS SGS South Georgia and the South Sandwich Islands
GT GTM Guatemala
GU GUM Guam
GW GNB Guinea-Bissau
GY GUY Guyana
HK HKG Hong Kong
HM HMD Heard Island and McDonald Islands
HN HND Honduras
HR HRV Croatia
HT HTI Haiti
HU HUN Hungary
ID IDN Indonesia
IE IRL Ireland|Republic of Ireland|Éire
IL ISR Israel
IM IMN Isle of Man
IN IND India
IO IOT British Indian Ocean Territory
IQ IRQ Iraq
IR IRN Iran|Iran, Islamic Republic of
IS ISL Iceland
IT ITA Italy|Italia
JE JEY Jersey
JM JAM Jamaica
JO JOR Jordan
JP JPN Japan
KE KEN Kenya
KG KGZ Kyrgyzstan
KH KHM Cambodia
KI KIR Kiribati
KM COM Comoros
KN KNA Saint Kitts and Nevis
KP PRK North Korea|Korea, Democratic People's Republic of
KR KOR South Korea|Korea|Republic of Korea|Korea, Republic of
KW KWT Kuwait
KY CYM Cayman Islands
KZ KAZ Kazakhstan
LA LAO Laos|Lao People's Democratic Republic
LB LBN Lebanon
LC LCA Saint Lucia
LI LIE Liechtenstein
LK LKA Sri Lanka
LR LBR Liberia
LS LSO Lesotho
LT LTU Lithuania
LU LUX Luxembourg
LV LVA Latvia
LY LBY Libya
MA MAR Morocco
MC MCO Monaco
MD MDA Moldova|Moldova, Republic of
ME MNE Montenegro
MF MAF Saint Martin
MG MDG Madagascar
MH MHL Marshall Islands
MK MKD North Macedonia|Macedonia
ML MLI Mali
MM MMR Myanmar|Burma
MN MNG Mongolia
MO MAC Macao|Macau
MP MNP Northern Mariana Islands
MQ MTQ Martinique
MR MRT Mauritania
MS MSR Montserrat
MT MLT Malta
MU MUS Mauritius
MV MDV Maldives
MW MWI Malawi
MX MEX Mexico|México
MY MYS Malaysia
MZ MOZ Mozambique
NA NAM Namibia
NC NCL New Caledonia
NE NER Niger
NF NFK Norfolk Island
NG NGA Nigeria
NI NIC Nicaragua
NL NLD Netherlands|Holland|Nederland
NO NOR Norway|Norge
NP NPL Nepal
NR NRU Nauru
NU NIU Niue
NZ NZL New Zealand
OM OMN Oman
PA PAN Panama
PE PER Peru
PF PYF French Polynesia
PG PNG Papua New Guinea
PH PHL Philippines
PK PAK Pakistan
PL POL Poland|Polska
PM SPM Saint Pierre and Miquelon
PN PCN Pitcairn
PR PRI Puerto Rico
PS PSE Palestine|Palestine, State of
PT PRT Portugal
PW PLW Palau
PY PRY Paraguay
QA QAT Qatar
RE REU Réunion
RO ROU Romania
RS SRB Serbia
RU RUS Russia|Russian Federation
RW RWA Rwanda
SA SAU Saudi Arabia
SB SLB Solomon Islands
SC SYC Seychelles
SD SDN Sudan
SE SWE Sweden|Sverige
SG SGP Singapore
SH SHN Saint Helena
SI SVN Slovenia
SJ SJM Svalbard and Jan Mayen
SK SVK Slovakia
SL SLE Sierra Leone
SM SMR San Marino
SN SEN Senegal
SO SOM Somalia
SR SUR Suriname
SS SSD South Sudan
ST STP Sao Tome and Principe
SV SLV El Salvador
SX SXM Sint Maarten
SY SYR Syria|Syrian Arab Republic
SZ SWZ Eswatini|Swaziland
TC TCA Turks and Caicos Islands
TD TCD Chad
TF ATF French Southern Territories
TG TGO Togo
TH THA Thailand
TJ TJK Tajikistan
TK TKL Tokelau
TL TLS Timor-Leste|East Timor
TM TKM Turkmenistan
TN TUN Tunisia
TO TON Tonga
TR TUR Turkey|Türkiye
TT TTO Trinidad and Tobago
TV TUV Tuvalu
TW TWN Taiwan|Taiwan, Province of China
TZ TZA Tanzania|Tanzania, United Republic of
UA UKR Ukraine
UG UGA Uganda
UM UMI United States Minor Outlying Islands
US USA United States|United States of America|America|U.S.|U.S.A.|The States
UY URY Uruguay
UZ UZB Uzbekistan
VA VAT Holy See|Vatican|Vatican City
VC VCT Saint Vincent and the Grenadines
VE VEN Venezuela|Venezuela, Bolivarian Republic of
VG VGB British Virgin Islands|Virgin Islands, British
VI VIR U.S. Virgin Islands|Virgin Islands, U.S.
VN VNM Vietnam|Viet Nam
VU VUT Vanuatu
WF WLF Wallis and Futuna
WS WSM Samoa
YE YEM Yemen
YT MYT Mayotte
ZA ZAF South Africa|Republic of South Africa|RSA
ZM ZMB Zambia
ZW ZWE Zimbabwe
`;

// USPS codes of the states, DC, the inhabited territories and the armed forces "states", with
// full names and the traditional abbreviations people still type.
const US_STATES = `
AL Alabama|Ala
AK Alaska
AZ Arizona|Ariz
AR Arkansas|Ark
CA California|Calif|Cal
CO Colorado|Colo
CT Connecticut|Conn
DE Delaware|Del
FL Florida|Fla
GA Georgia
HI Hawaii
ID Idaho
IL Illinois|Ill
IN Indiana|Ind
IA Iowa
KS Kansas|Kan
KY Kentucky
LA Louisiana
ME Maine
MD Maryland
MA Massachusetts|Mass
MI Michigan|Mich
MN Minnesota|Minn
MS Mississippi|Miss
MO Missouri
MT Montana|Mont
NE Nebraska|Neb
NV Nevada|Nev
NH New Hampshire
NJ New Jersey
NM New Mexico
NY New York|New York State
NC North Carolina
ND North Dakota
OH Ohio
OK Oklahoma|Okla
OR Oregon|Ore
PA Pennsylvania|Penn|Penna
RI Rhode Island
SC South Carolina
SD South Dakota
TN Tennessee|Tenn
TX Texas|Tex
UT Utah
VT Vermont
VA Virginia
WA Washington|Washington State|Wash
WV West Virginia
WI Wisconsin|Wis
WY Wyoming|Wyo
DC District of Columbia|Washington DC|Washington D.C.|Washington, D.C.
PR Puerto Rico
GU Guam
VI U.S. Virgin Islands|Virgin Islands
AS American Samoa
MP Northern Mariana Islands
AA Armed Forces Americas
AE Armed Forces Europe
AP Armed Forces Pacific
`;

const CANADIAN_PROVINCES = `
AB Alberta
BC British Columbia
MB Manitoba
NB New Brunswick
NL Newfoundland and Labrador|Newfoundland|Labrador|NF
NS Nova Scotia
NT Northwest Territories|NWT
NU Nunavut
ON Ontario
PE Prince Edward Island|PEI
QC Québec|PQ
SK Saskatchewan
YT Yukon|Yukon Territory|YK
`;

/**
 * The key a typed name is looked up by: accents, dots and a leading "the" dropped, "&" read as
 * "and", other punctuation as spaces, upper case.
 */
export function lookupKey(raw: string): string {
  return raw
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toUpperCase()
    .replace(/&/g, " AND ")
    .replace(/\./g, "")
    .replace(/[^A-Z0-9]+/g, " ")
    .trim()
    .replace(/^THE /, "");
}

function table(lines: string, codesPerLine: number): Map<string, string> {
  const map = new Map<string, string>();
  for (const line of lines.split("\n")) {
    const trimmed = line.trim();
    if (!trimmed) continue;
    const words = trimmed.split(" ");
    const code = words[0]!;
    const names = words.slice(codesPerLine).join(" ").split("|");
    for (const key of [...words.slice(0, codesPerLine), ...names]) map.set(lookupKey(key), code);
  }
  return map;
}

/** Country lookup key -> ISO 3166-1 alpha-2 code. */
export const COUNTRY_CODES: ReadonlyMap<string, string> = table(COUNTRIES, 2);
/** US state lookup key -> USPS code. */
export const US_STATE_CODES: ReadonlyMap<string, string> = table(US_STATES, 1);
/** Canadian province lookup key -> postal code. */
export const CANADIAN_PROVINCE_CODES: ReadonlyMap<string, string> = table(CANADIAN_PROVINCES, 1);
