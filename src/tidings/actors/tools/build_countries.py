"""Regenerate actors/data/countries.toml from pycountry plus the hand tables below (run by hand, not at run time).

    python src/tidings/actors/tools/build_countries.py > src/tidings/actors/data/countries.toml

pycountry gives ISO 3166-1 codes and official names; it has no capitals, demonyms,
short forms or UN membership, so those are written here as plain facts.
"""
from __future__ import annotations

import sys

import pycountry

VERSION = "1"

# Canonical English names where pycountry's ISO name is not what news writes.
NAME = {
    "BOL": "Bolivia", "BES": "Caribbean Netherlands", "CCK": "Cocos (Keeling) Islands",
    "COD": "Democratic Republic of the Congo", "COG": "Republic of the Congo",
    "FLK": "Falkland Islands", "FSM": "Micronesia", "IRN": "Iran", "KOR": "South Korea",
    "PRK": "North Korea", "LAO": "Laos", "MDA": "Moldova", "MAF": "Saint Martin",
    "PSE": "Palestine", "SHN": "Saint Helena", "SXM": "Sint Maarten", "SYR": "Syria",
    "TWN": "Taiwan", "TZA": "Tanzania", "VAT": "Vatican City", "VEN": "Venezuela",
    "VGB": "British Virgin Islands", "VIR": "U.S. Virgin Islands", "VNM": "Vietnam",
    "RUS": "Russia", "TUR": "Turkey", "CZE": "Czech Republic", "CIV": "Ivory Coast",
    "BRN": "Brunei", "CPV": "Cape Verde", "GBR": "United Kingdom", "USA": "United States",
    "SWZ": "Eswatini", "MKD": "North Macedonia", "TLS": "Timor-Leste",
}

# Not in ISO 3166-1 but in the news: Kosovo (user-assigned code XK / XKX, as the EU and IMF use).
EXTRA = [{"iso3": "XKX", "iso2": "XK", "name": "Kosovo", "official_name": "Republic of Kosovo"}]

# Sovereign states that are not UN members (observers or partly recognised); every other
# state with a capital in CAPITALS and not in TERRITORIES below is one of the 193 UN members.
NON_UN_STATES = {"VAT", "PSE", "TWN", "XKX"}

# Dependent territories and areas: no UN seat, and their capitals are not metonyms for a government.
TERRITORIES = {
    "ABW", "AIA", "ALA", "ASM", "ATA", "ATF", "BES", "BLM", "BMU", "BVT", "CCK", "COK", "CUW",
    "CXR", "CYM", "ESH", "FLK", "FRO", "GGY", "GIB", "GLP", "GRL", "GUF", "GUM", "HKG", "HMD",
    "IMN", "IOT", "JEY", "MAC", "MAF", "MNP", "MSR", "MTQ", "MYT", "NCL", "NFK", "NIU", "PCN",
    "PRI", "PYF", "REU", "SGS", "SHN", "SJM", "SPM", "SXM", "TCA", "TKL", "UMI", "VGB", "VIR",
    "WLF",
}

# Capitals ("|" separates several: seat of government first). Territories with no capital are absent.
CAPITALS = {
    "AFG": "Kabul", "ALB": "Tirana", "DZA": "Algiers", "AND": "Andorra la Vella", "AGO": "Luanda",
    "ATG": "St. John's|Saint John's", "ARG": "Buenos Aires", "ARM": "Yerevan", "AUS": "Canberra",
    "AUT": "Vienna", "AZE": "Baku", "BHS": "Nassau", "BHR": "Manama", "BGD": "Dhaka",
    "BRB": "Bridgetown", "BLR": "Minsk", "BEL": "Brussels", "BLZ": "Belmopan", "BEN": "Porto-Novo",
    "BTN": "Thimphu", "BOL": "La Paz|Sucre", "BIH": "Sarajevo", "BWA": "Gaborone",
    "BRA": "Brasilia", "BRN": "Bandar Seri Begawan", "BGR": "Sofia", "BFA": "Ouagadougou",
    "BDI": "Gitega", "CPV": "Praia", "KHM": "Phnom Penh", "CMR": "Yaounde", "CAN": "Ottawa",
    "CAF": "Bangui", "TCD": "N'Djamena", "CHL": "Santiago", "CHN": "Beijing|Peking",
    "COL": "Bogota", "COM": "Moroni", "COG": "Brazzaville", "COD": "Kinshasa", "CRI": "San Jose",
    "CIV": "Yamoussoukro", "HRV": "Zagreb", "CUB": "Havana", "CYP": "Nicosia", "CZE": "Prague",
    "DNK": "Copenhagen", "DJI": "Djibouti", "DMA": "Roseau", "DOM": "Santo Domingo",
    "ECU": "Quito", "EGY": "Cairo", "SLV": "San Salvador", "GNQ": "Malabo", "ERI": "Asmara",
    "EST": "Tallinn", "SWZ": "Mbabane|Lobamba", "ETH": "Addis Ababa", "FJI": "Suva",
    "FIN": "Helsinki", "FRA": "Paris", "GAB": "Libreville", "GMB": "Banjul", "GEO": "Tbilisi",
    "DEU": "Berlin", "GHA": "Accra", "GRC": "Athens", "GRD": "St. George's", "GTM": "Guatemala City",
    "GIN": "Conakry", "GNB": "Bissau", "GUY": "Georgetown", "HTI": "Port-au-Prince",
    "HND": "Tegucigalpa", "HUN": "Budapest", "ISL": "Reykjavik", "IND": "New Delhi|Delhi",
    "IDN": "Jakarta", "IRN": "Tehran|Teheran", "IRQ": "Baghdad", "IRL": "Dublin",
    "ISR": "Jerusalem", "ITA": "Rome", "JAM": "Kingston", "JPN": "Tokyo", "JOR": "Amman",
    "KAZ": "Astana|Nur-Sultan", "KEN": "Nairobi", "KIR": "Tarawa|South Tarawa", "PRK": "Pyongyang",
    "KOR": "Seoul", "KWT": "Kuwait City", "KGZ": "Bishkek", "LAO": "Vientiane", "LVA": "Riga",
    "LBN": "Beirut", "LSO": "Maseru", "LBR": "Monrovia", "LBY": "Tripoli", "LIE": "Vaduz",
    "LTU": "Vilnius", "LUX": "Luxembourg City", "MDG": "Antananarivo", "MWI": "Lilongwe",
    "MYS": "Kuala Lumpur|Putrajaya", "MDV": "Male", "MLI": "Bamako", "MLT": "Valletta",
    "MHL": "Majuro", "MRT": "Nouakchott", "MUS": "Port Louis", "MEX": "Mexico City",
    "FSM": "Palikir", "MDA": "Chisinau", "MCO": "Monaco", "MNG": "Ulaanbaatar|Ulan Bator",
    "MNE": "Podgorica", "MAR": "Rabat", "MOZ": "Maputo", "MMR": "Naypyidaw|Nay Pyi Taw",
    "NAM": "Windhoek", "NRU": "Yaren", "NPL": "Kathmandu", "NLD": "Amsterdam",
    "NZL": "Wellington", "NIC": "Managua", "NER": "Niamey", "NGA": "Abuja", "MKD": "Skopje",
    "NOR": "Oslo", "OMN": "Muscat", "PAK": "Islamabad", "PLW": "Ngerulmud", "PAN": "Panama City",
    "PNG": "Port Moresby", "PRY": "Asuncion", "PER": "Lima", "PHL": "Manila", "POL": "Warsaw",
    "PRT": "Lisbon", "QAT": "Doha", "ROU": "Bucharest", "RUS": "Moscow", "RWA": "Kigali",
    "KNA": "Basseterre", "LCA": "Castries", "VCT": "Kingstown", "WSM": "Apia",
    "SMR": "San Marino", "STP": "Sao Tome", "SAU": "Riyadh", "SEN": "Dakar", "SRB": "Belgrade",
    "SYC": "Victoria", "SLE": "Freetown", "SGP": "Singapore", "SVK": "Bratislava",
    "SVN": "Ljubljana", "SLB": "Honiara", "SOM": "Mogadishu", "ZAF": "Pretoria|Cape Town",
    "SSD": "Juba", "ESP": "Madrid", "LKA": "Sri Jayawardenepura Kotte|Colombo", "SDN": "Khartoum",
    "SUR": "Paramaribo", "SWE": "Stockholm", "CHE": "Bern", "SYR": "Damascus",
    "TJK": "Dushanbe", "TZA": "Dodoma", "THA": "Bangkok", "TLS": "Dili", "TGO": "Lome",
    "TON": "Nuku'alofa", "TTO": "Port of Spain", "TUN": "Tunis", "TUR": "Ankara",
    "TKM": "Ashgabat|Ashkhabad", "TUV": "Funafuti", "UGA": "Kampala", "UKR": "Kyiv|Kiev",
    "ARE": "Abu Dhabi", "GBR": "London", "USA": "Washington|Washington, D.C.|Washington DC",
    "URY": "Montevideo", "UZB": "Tashkent", "VUT": "Port Vila", "VAT": "Vatican City",
    "VEN": "Caracas", "VNM": "Hanoi", "YEM": "Sanaa|Sana'a", "ZMB": "Lusaka", "ZWE": "Harare",
    "PSE": "Ramallah", "TWN": "Taipei", "XKX": "Pristina",
    # territories
    "ABW": "Oranjestad", "AIA": "The Valley", "ALA": "Mariehamn", "ASM": "Pago Pago",
    "BES": "Kralendijk", "BLM": "Gustavia", "BMU": "Hamilton", "CCK": "West Island",
    "COK": "Avarua", "CUW": "Willemstad", "CXR": "Flying Fish Cove", "CYM": "George Town",
    "ESH": "Laayoune", "FLK": "Stanley", "FRO": "Torshavn", "GGY": "St Peter Port",
    "GIB": "Gibraltar", "GLP": "Basse-Terre", "GRL": "Nuuk", "GUF": "Cayenne", "GUM": "Hagatna",
    "IMN": "Douglas", "JEY": "Saint Helier", "MAF": "Marigot", "MNP": "Saipan", "MSR": "Brades",
    "MTQ": "Fort-de-France", "MYT": "Mamoudzou", "NCL": "Noumea", "NFK": "Kingston",
    "NIU": "Alofi", "PCN": "Adamstown", "PRI": "San Juan", "PYF": "Papeete", "REU": "Saint-Denis",
    "SHN": "Jamestown", "SJM": "Longyearbyen", "SPM": "Saint-Pierre", "SXM": "Philipsburg",
    "TCA": "Cockburn Town", "VGB": "Road Town", "VIR": "Charlotte Amalie", "WLF": "Mata-Utu",
}

# Demonyms and adjectives. Plurals ("Tajiks") are added by the loader.
DEMONYMS = {
    "AFG": "Afghan|Afghani", "ALB": "Albanian", "DZA": "Algerian", "AND": "Andorran",
    "AGO": "Angolan", "ATG": "Antiguan|Barbudan", "ARG": "Argentine|Argentinian|Argentinean",
    "ARM": "Armenian", "AUS": "Australian", "AUT": "Austrian", "AZE": "Azerbaijani|Azeri",
    "BHS": "Bahamian", "BHR": "Bahraini", "BGD": "Bangladeshi", "BRB": "Barbadian|Bajan",
    "BLR": "Belarusian|Belarussian", "BEL": "Belgian", "BLZ": "Belizean", "BEN": "Beninese",
    "BTN": "Bhutanese", "BOL": "Bolivian", "BIH": "Bosnian|Herzegovinian",
    "BWA": "Botswanan|Motswana|Batswana", "BRA": "Brazilian", "BRN": "Bruneian",
    "BGR": "Bulgarian", "BFA": "Burkinabe", "BDI": "Burundian", "CPV": "Cape Verdean|Cabo Verdean",
    "KHM": "Cambodian", "CMR": "Cameroonian", "CAN": "Canadian", "CAF": "Central African",
    "TCD": "Chadian", "CHL": "Chilean", "CHN": "Chinese", "COL": "Colombian",
    "COM": "Comorian|Comoran", "COG": "Congolese", "COD": "Congolese", "CRI": "Costa Rican",
    "CIV": "Ivorian", "HRV": "Croatian|Croat", "CUB": "Cuban", "CYP": "Cypriot", "CZE": "Czech",
    "DNK": "Danish|Dane", "DJI": "Djiboutian", "DMA": "Dominican", "DOM": "Dominican",
    "ECU": "Ecuadorian|Ecuadorean", "EGY": "Egyptian", "SLV": "Salvadoran|Salvadorean",
    "GNQ": "Equatorial Guinean|Equatoguinean", "ERI": "Eritrean", "EST": "Estonian",
    "SWZ": "Swazi", "ETH": "Ethiopian", "FJI": "Fijian", "FIN": "Finnish|Finn", "FRA": "French",
    "GAB": "Gabonese", "GMB": "Gambian", "GEO": "Georgian", "DEU": "German", "GHA": "Ghanaian",
    "GRC": "Greek", "GRD": "Grenadian", "GTM": "Guatemalan", "GIN": "Guinean",
    "GNB": "Bissau-Guinean", "GUY": "Guyanese", "HTI": "Haitian", "HND": "Honduran",
    "HUN": "Hungarian", "ISL": "Icelandic|Icelander", "IND": "Indian", "IDN": "Indonesian",
    "IRN": "Iranian", "IRQ": "Iraqi", "IRL": "Irish", "ISR": "Israeli", "ITA": "Italian",
    "JAM": "Jamaican", "JPN": "Japanese", "JOR": "Jordanian", "KAZ": "Kazakh|Kazakhstani|Kazak",
    "KEN": "Kenyan", "KIR": "I-Kiribati", "PRK": "North Korean", "KOR": "South Korean|Korean",
    "KWT": "Kuwaiti", "KGZ": "Kyrgyz|Kyrgyzstani|Kirghiz", "LAO": "Lao|Laotian",
    "LVA": "Latvian", "LBN": "Lebanese", "LSO": "Basotho|Mosotho", "LBR": "Liberian",
    "LBY": "Libyan", "LIE": "Liechtensteiner", "LTU": "Lithuanian",
    "LUX": "Luxembourgish|Luxembourger", "MDG": "Malagasy", "MWI": "Malawian",
    "MYS": "Malaysian", "MDV": "Maldivian", "MLI": "Malian", "MLT": "Maltese",
    "MHL": "Marshallese", "MRT": "Mauritanian", "MUS": "Mauritian", "MEX": "Mexican",
    "FSM": "Micronesian", "MDA": "Moldovan", "MCO": "Monegasque", "MNG": "Mongolian",
    "MNE": "Montenegrin", "MAR": "Moroccan", "MOZ": "Mozambican", "MMR": "Burmese|Myanmarese",
    "NAM": "Namibian", "NRU": "Nauruan", "NPL": "Nepali|Nepalese", "NLD": "Dutch",
    "NZL": "New Zealander", "NIC": "Nicaraguan", "NER": "Nigerien", "NGA": "Nigerian",
    "MKD": "Macedonian|North Macedonian", "NOR": "Norwegian", "OMN": "Omani",
    "PAK": "Pakistani", "PLW": "Palauan", "PAN": "Panamanian", "PNG": "Papua New Guinean",
    "PRY": "Paraguayan", "PER": "Peruvian", "PHL": "Filipino|Philippine", "POL": "Polish|Pole",
    "PRT": "Portuguese", "QAT": "Qatari", "ROU": "Romanian", "RUS": "Russian",
    "RWA": "Rwandan", "KNA": "Kittitian|Nevisian", "LCA": "Saint Lucian", "VCT": "Vincentian",
    "WSM": "Samoan", "SMR": "Sammarinese", "STP": "Santomean", "SAU": "Saudi|Saudi Arabian",
    "SEN": "Senegalese", "SRB": "Serbian|Serb", "SYC": "Seychellois", "SLE": "Sierra Leonean",
    "SGP": "Singaporean", "SVK": "Slovak", "SVN": "Slovenian|Slovene", "SLB": "Solomon Islander",
    "SOM": "Somali", "ZAF": "South African", "SSD": "South Sudanese", "ESP": "Spanish|Spaniard",
    "LKA": "Sri Lankan", "SDN": "Sudanese", "SUR": "Surinamese", "SWE": "Swedish|Swede",
    "CHE": "Swiss", "SYR": "Syrian", "TJK": "Tajik|Tajikistani|Tadjik|Tadzhik",
    "TZA": "Tanzanian", "THA": "Thai", "TLS": "Timorese|East Timorese", "TGO": "Togolese",
    "TON": "Tongan", "TTO": "Trinidadian|Tobagonian", "TUN": "Tunisian", "TUR": "Turkish|Turk",
    "TKM": "Turkmen|Turkmenistani", "TUV": "Tuvaluan", "UGA": "Ugandan", "UKR": "Ukrainian",
    "ARE": "Emirati", "GBR": "British|Briton", "USA": "American", "URY": "Uruguayan",
    "UZB": "Uzbek|Uzbekistani", "VUT": "Ni-Vanuatu", "VAT": "Vatican", "VEN": "Venezuelan",
    "VNM": "Vietnamese", "YEM": "Yemeni", "ZMB": "Zambian", "ZWE": "Zimbabwean",
    "PSE": "Palestinian", "TWN": "Taiwanese", "XKX": "Kosovar|Kosovan",
    "HKG": "Hongkonger", "MAC": "Macanese", "PRI": "Puerto Rican", "GRL": "Greenlandic|Greenlander",
}

# Demonyms that also name an ethnic group living across borders (Tajiks and Uzbeks of
# Afghanistan): a mention may mean the people, not the state.
ETHNONYMS = {
    "AFG": "Afghan", "TJK": "Tajik", "UZB": "Uzbek", "TKM": "Turkmen", "KAZ": "Kazakh|Kazak",
    "KGZ": "Kyrgyz|Kirghiz", "AZE": "Azeri", "ARM": "Armenian", "TUR": "Turk", "SOM": "Somali",
    "SRB": "Serb", "HRV": "Croat", "PSE": "Palestinian",
}

# Short forms and other names used in news.
ALIASES = {
    "USA": "U.S.|US|USA|U.S.A.|America|United States of America|the States",
    "GBR": "UK|U.K.|Britain|Great Britain|United Kingdom of Great Britain and Northern Ireland",
    "RUS": "Russian Federation", "CHN": "PRC|People's Republic of China|Mainland China",
    "IND": "Bharat|Republic of India", "PAK": "Islamic Republic of Pakistan|Pak",
    "IRN": "Islamic Republic of Iran|Persia", "AFG": "Islamic Republic of Afghanistan",
    "TJK": "Tadjikistan|Tadzhikistan", "KGZ": "Kyrgyz Republic|Kirghizia|Kirgizia",
    "KAZ": "Republic of Kazakhstan", "TKM": "Turkmenia", "UZB": "Republic of Uzbekistan",
    "KOR": "Republic of Korea|ROK|Korea", "PRK": "DPRK|Democratic People's Republic of Korea",
    "ARE": "UAE|U.A.E.|Emirates", "SAU": "KSA|Kingdom of Saudi Arabia|Saudi",
    "DEU": "Federal Republic of Germany", "TUR": "Turkiye|Türkiye|Republic of Türkiye",
    "MMR": "Burma", "CIV": "Cote d'Ivoire|Côte d'Ivoire", "CZE": "Czechia",
    "SWZ": "Swaziland", "MKD": "Macedonia|FYROM", "CPV": "Cabo Verde",
    "COD": "DRC|DR Congo|Congo-Kinshasa|Zaire", "COG": "Congo-Brazzaville|Congo",
    "VAT": "Holy See|Vatican", "PSE": "State of Palestine|Palestinian territories|Palestinian Territory",
    "TWN": "Republic of China", "TLS": "East Timor", "NLD": "Holland|Netherlands",
    "BLR": "Byelorussia|Belorussia", "BIH": "Bosnia", "TTO": "Trinidad",
    "VCT": "St Vincent and the Grenadines", "KNA": "St Kitts and Nevis", "LCA": "St Lucia",
    "GMB": "The Gambia", "BHS": "The Bahamas", "LAO": "Lao PDR", "SYR": "Syrian Arab Republic",
    "EGY": "Arab Republic of Egypt", "ISR": "State of Israel", "GNB": "Guinea Bissau",
    "XKX": "Kosova",
}

# Metonyms for a government beyond its capital city.
METONYMS = {
    "RUS": "Kremlin|the Kremlin", "USA": "White House|the White House",
    "GBR": "Downing Street|Number 10|No 10|Whitehall", "FRA": "Elysee|Elysee Palace|Élysée",
    "CHN": "Zhongnanhai", "JPN": "Kantei", "UKR": "Bankova",
}


def split(value: str | None) -> list[str]:
    return [v for v in (value or "").split("|") if v]


def q(s: str) -> str:
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def qlist(values: list[str]) -> str:
    return "[" + ", ".join(q(v) for v in values) + "]"


def records() -> list[dict]:
    out = []
    for c in pycountry.countries:
        out.append({"iso3": c.alpha_3, "iso2": c.alpha_2, "iso_name": c.name,
                    "official_name": getattr(c, "official_name", None),
                    "common_name": getattr(c, "common_name", None)})
    out += [dict(e, iso_name=e["name"], common_name=None) for e in EXTRA]
    return sorted(out, key=lambda r: r["iso3"])


def render(rec: dict) -> str:
    iso3 = rec["iso3"]
    name = NAME.get(iso3) or rec["common_name"] or rec["iso_name"]
    names = [rec["iso_name"], rec.get("official_name"), rec.get("common_name")]
    aliases = []
    for a in names + split(ALIASES.get(iso3)):
        if a and a != name and a not in aliases:
            aliases.append(a)
    sovereign = iso3 not in TERRITORIES and iso3 != "ATA"
    capitals = split(CAPITALS.get(iso3))
    metonyms = (capitals if sovereign else []) + split(METONYMS.get(iso3))
    lines = ["[[country]]", f"iso3 = {q(iso3)}", f"iso2 = {q(rec['iso2'])}", f"name = {q(name)}"]
    lines.append(f"aliases = {qlist(aliases)}")
    lines.append(f"demonyms = {qlist(split(DEMONYMS.get(iso3)))}")
    if ETHNONYMS.get(iso3):
        lines.append(f"ethnonyms = {qlist(split(ETHNONYMS[iso3]))}")
    lines.append(f"capital = {q(capitals[0]) if capitals else q('')}")
    lines.append(f"metonyms = {qlist(metonyms)}")
    lines.append(f"sovereign = {'true' if sovereign else 'false'}")
    lines.append(f"un_member = {'true' if sovereign and iso3 not in NON_UN_STATES else 'false'}")
    return "\n".join(lines)


def main() -> None:
    out = [
        "# Countries: generated by tidings/actors/tools/build_countries.py from pycountry",
        "# (ISO 3166-1 codes and names) plus hand tables (short forms, demonyms, capitals,",
        "# metonyms, UN membership). Edit the script and regenerate rather than this file.",
        f'version = "{VERSION}"',
        "",
    ]
    out += [render(r) + "\n" for r in records()]
    sys.stdout.write("\n".join(out))


if __name__ == "__main__":
    main()
