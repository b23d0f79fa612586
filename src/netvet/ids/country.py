"""Countries of production and incorporation as ISO 3166-1 alpha-2 codes."""

_NAMES = {
    "china": "CN", "people's republic of china": "CN", "prc": "CN", "p.r.c.": "CN",
    "mainland china": "CN", "hong kong": "HK", "macau": "MO", "macao": "MO",
    "taiwan": "TW", "vietnam": "VN", "viet nam": "VN", "united states": "US", "usa": "US",
    "u.s.": "US", "u.s.a.": "US", "united states of america": "US", "america": "US",
    "mexico": "MX", "canada": "CA", "malaysia": "MY", "thailand": "TH", "india": "IN",
    "indonesia": "ID", "philippines": "PH", "japan": "JP", "south korea": "KR", "korea": "KR",
    "republic of korea": "KR", "germany": "DE", "france": "FR", "finland": "FI", "sweden": "SE",
    "united kingdom": "GB", "uk": "GB", "great britain": "GB", "israel": "IL", "singapore": "SG",
    "russia": "RU", "russian federation": "RU", "iran": "IR", "cuba": "CU", "north korea": "KP",
    "venezuela": "VE", "brazil": "BR", "hungary": "HU", "czech republic": "CZ", "czechia": "CZ",
    "poland": "PL", "ireland": "IE", "netherlands": "NL", "italy": "IT", "spain": "ES",
    "latvia": "LV", "lithuania": "LT", "estonia": "EE", "switzerland": "CH", "austria": "AT",
    "denmark": "DK", "norway": "NO", "belgium": "BE", "turkey": "TR", "ukraine": "UA",
    "australia": "AU", "new zealand": "NZ", "cambodia": "KH", "bangladesh": "BD",
}


_ALPHA3 = {
    "CHN": "CN", "HKG": "HK", "MAC": "MO", "TWN": "TW", "VNM": "VN", "USA": "US", "MEX": "MX",
    "CAN": "CA", "MYS": "MY", "THA": "TH", "IND": "IN", "IDN": "ID", "PHL": "PH", "JPN": "JP",
    "KOR": "KR", "DEU": "DE", "FRA": "FR", "FIN": "FI", "SWE": "SE", "GBR": "GB", "ISR": "IL",
    "SGP": "SG", "RUS": "RU", "IRN": "IR", "CUB": "CU", "PRK": "KP", "VEN": "VE", "BRA": "BR",
    "HUN": "HU", "CZE": "CZ", "POL": "PL", "IRL": "IE", "NLD": "NL", "ITA": "IT", "ESP": "ES",
    "KHM": "KH", "BGD": "BD", "TUR": "TR", "UKR": "UA", "AUS": "AU",
}


def normalize_country(text: str | None) -> str | None:
    """'China', 'CN', 'CHN', 'P.R.C.' -> 'CN'; None when not recognised."""
    if not text:
        return None
    raw = text.strip()
    if len(raw) == 2 and raw.isalpha():
        return raw.upper()
    if len(raw) == 3 and raw.upper() in _ALPHA3:
        return _ALPHA3[raw.upper()]
    return _NAMES.get(raw.lower())
