"""Countries of the synthetic network: weights, cities with coordinates, currency, time zone, languages.

Weights follow where the network actually is (French-speaking West Africa first, then Central, North and
East Africa). Codes are checked against pycountry and the IANA database when the generator starts, so a
typo here fails loudly instead of producing content that the validator rejects.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Country:
    code: str  # ISO 3166-1 alpha-2
    weight: int  # relative share of organisations
    currency: str  # ISO 4217
    timezone: str  # IANA
    phone: str  # calling code
    languages: tuple[str, ...]  # ISO 639-1
    cities: tuple[tuple[str, float, float], ...]  # (name, lat, lon)


COUNTRIES: tuple[Country, ...] = (
    Country("BF", 12, "XOF", "Africa/Ouagadougou", "226", ("fr", "ff"),
            (("Ouagadougou", 12.3714, -1.5197), ("Bobo-Dioulasso", 11.1771, -4.2979), ("Koudougou", 12.2526, -2.3627),
             ("Fada N’Gourma", 12.0616, 0.3584), ("Kaya", 13.0917, -1.0844), ("Ouahigouya", 13.5828, -2.4216))),
    Country("SN", 10, "XOF", "Africa/Dakar", "221", ("fr", "wo", "ff"),
            (("Dakar", 14.7167, -17.4677), ("Thiès", 14.791, -16.9359), ("Saint-Louis", 16.0179, -16.4896),
             ("Ziguinchor", 12.5681, -16.2719), ("Kaolack", 14.1652, -16.0758), ("Joal-Fadiouth", 14.1667, -16.8333))),
    Country("CI", 10, "XOF", "Africa/Abidjan", "225", ("fr",),
            (("Abidjan", 5.36, -4.0083), ("Bouaké", 7.6906, -5.0303), ("Yamoussoukro", 6.8276, -5.2893),
             ("San-Pédro", 4.7485, -6.6363), ("Korhogo", 9.458, -5.6296), ("Daloa", 6.8774, -6.4502))),
    Country("ML", 6, "XOF", "Africa/Bamako", "223", ("fr", "bm"),
            (("Bamako", 12.6392, -8.0029), ("Ségou", 13.4317, -6.2157), ("Sikasso", 11.3176, -5.6665),
             ("Mopti", 14.4843, -4.1827))),
    Country("NE", 4, "XOF", "Africa/Niamey", "227", ("fr", "ha"),
            (("Niamey", 13.5116, 2.1254), ("Maradi", 13.5, 7.1017), ("Zinder", 13.8072, 8.9881))),
    Country("TG", 6, "XOF", "Africa/Lome", "228", ("fr", "ee"),
            (("Lomé", 6.1375, 1.2123), ("Kara", 9.5511, 1.1861), ("Sokodé", 8.9833, 1.1333),
             ("Atakpamé", 7.5333, 1.1333), ("Kpalimé", 6.9, 0.6333))),
    Country("BJ", 6, "XOF", "Africa/Porto-Novo", "229", ("fr", "yo"),
            (("Cotonou", 6.3703, 2.3912), ("Porto-Novo", 6.4969, 2.6283), ("Parakou", 9.3372, 2.6303),
             ("Abomey", 7.1829, 1.9912), ("Natitingou", 10.3042, 1.3796))),
    Country("CM", 6, "XAF", "Africa/Douala", "237", ("fr", "en"),
            (("Yaoundé", 3.848, 11.5021), ("Douala", 4.0511, 9.7679), ("Bafoussam", 5.4778, 10.4176),
             ("Garoua", 9.3014, 13.3977), ("Bamenda", 5.9631, 10.1591))),
    Country("CD", 4, "CDF", "Africa/Kinshasa", "243", ("fr", "ln", "sw"),
            (("Kinshasa", -4.4419, 15.2663), ("Lubumbashi", -11.6647, 27.4794), ("Goma", -1.6585, 29.2203),
             ("Bukavu", -2.5083, 28.8608))),
    Country("MA", 4, "MAD", "Africa/Casablanca", "212", ("ar", "fr"),
            (("Rabat", 34.0209, -6.8416), ("Casablanca", 33.5731, -7.5898), ("Essaouira", 31.5085, -9.7595),
             ("Agadir", 30.4278, -9.5981), ("Fès", 34.0181, -5.0078))),
    Country("TN", 3, "TND", "Africa/Tunis", "216", ("ar", "fr"),
            (("Tunis", 36.8065, 10.1815), ("Sfax", 34.7406, 10.7603), ("Sousse", 35.8256, 10.6084))),
    Country("MG", 3, "MGA", "Indian/Antananarivo", "261", ("mg", "fr"),
            (("Antananarivo", -18.8792, 47.5079), ("Toamasina", -18.1492, 49.4023),
             ("Fianarantsoa", -21.4536, 47.0858))),
    Country("GN", 3, "GNF", "Africa/Conakry", "224", ("fr", "ff"),
            (("Conakry", 9.6412, -13.5784), ("Kankan", 10.3854, -9.3057), ("Labé", 11.3182, -12.2833))),
    Country("RW", 2, "RWF", "Africa/Kigali", "250", ("rw", "fr", "en"),
            (("Kigali", -1.9441, 30.0619), ("Huye", -2.5967, 29.7394))),
    Country("KE", 4, "KES", "Africa/Nairobi", "254", ("en", "sw"),
            (("Nairobi", -1.2921, 36.8219), ("Kisumu", -0.0917, 34.768), ("Mombasa", -4.0435, 39.6682),
             ("Nakuru", -0.3031, 36.08))),
    Country("GH", 3, "GHS", "Africa/Accra", "233", ("en", "tw", "ee"),
            (("Accra", 5.6037, -0.187), ("Kumasi", 6.6885, -1.6244), ("Tamale", 9.4008, -0.8393))),
    Country("NG", 3, "NGN", "Africa/Lagos", "234", ("en", "ha", "yo", "ig"),
            (("Lagos", 6.5244, 3.3792), ("Abuja", 9.0765, 7.3986), ("Kano", 12.0022, 8.592),
             ("Ibadan", 7.3775, 3.947))),
    Country("UG", 2, "UGX", "Africa/Kampala", "256", ("en", "sw"),
            (("Kampala", 0.3476, 32.5825), ("Gulu", 2.7724, 32.2881))),
    Country("TZ", 2, "TZS", "Africa/Dar_es_Salaam", "255", ("sw", "en"),
            (("Dar es Salaam", -6.7924, 39.2083), ("Arusha", -3.3869, 36.683), ("Dodoma", -6.163, 35.7516))),
    Country("ZA", 2, "ZAR", "Africa/Johannesburg", "27", ("en", "zu", "xh"),
            (("Johannesburg", -26.2041, 28.0473), ("Le Cap", -33.9249, 18.4241), ("Durban", -29.8587, 31.0218))),
    Country("ET", 1, "ETB", "Africa/Addis_Ababa", "251", ("am", "en"), (("Addis-Abeba", 9.03, 38.74),)),
    Country("MZ", 1, "MZN", "Africa/Maputo", "258", ("pt",),
            (("Maputo", -25.9692, 32.5732), ("Beira", -19.8436, 34.8389))),
    Country("MR", 1, "MRU", "Africa/Nouakchott", "222", ("ar", "fr"), (("Nouakchott", 18.0735, -15.9582),)),
    Country("GA", 1, "XAF", "Africa/Libreville", "241", ("fr",), (("Libreville", 0.4162, 9.4673),)),
    Country("CG", 1, "XAF", "Africa/Brazzaville", "242", ("fr", "ln"),
            (("Brazzaville", -4.2634, 15.2429), ("Pointe-Noire", -4.7692, 11.8664))),
    Country("TD", 1, "XAF", "Africa/Ndjamena", "235", ("fr", "ar"), (("N’Djaména", 12.1348, 15.0557),)),
    Country("BI", 1, "BIF", "Africa/Bujumbura", "257", ("rn", "fr"), (("Bujumbura", -3.3614, 29.3599),)),
    Country("CV", 1, "CVE", "Atlantic/Cape_Verde", "238", ("pt",), (("Praia", 14.933, -23.5133),)),
    Country("DZ", 1, "DZD", "Africa/Algiers", "213", ("ar", "fr"),
            (("Alger", 36.7538, 3.0588), ("Oran", 35.6971, -0.6308))),
)

#: Rough units per 1,000 XOF, so that amounts look plausible in every currency.
PER_1000_XOF = {
    "XOF": 1000, "XAF": 1000, "CDF": 4500, "MAD": 16, "TND": 5, "MGA": 7300, "GNF": 14000, "RWF": 2200,
    "KES": 210, "GHS": 24, "NGN": 2500, "UGX": 6000, "TZS": 4200, "ZAR": 30, "ETB": 200, "MZN": 105,
    "MRU": 65, "BIF": 4800, "CVE": 168, "DZD": 220, "EUR": 1.52, "USD": 1.65,
}


def check() -> None:
    """Fail early on a code the validator would reject."""
    import zoneinfo

    import pycountry

    zones = zoneinfo.available_timezones()
    for country in COUNTRIES:
        problems = []
        if pycountry.countries.get(alpha_2=country.code) is None:
            problems.append("country")
        if pycountry.currencies.get(alpha_3=country.currency) is None or country.currency not in PER_1000_XOF:
            problems.append("currency")
        if country.timezone not in zones:
            problems.append("timezone")
        if any(pycountry.languages.get(alpha_2=lang) is None for lang in country.languages):
            problems.append("languages")
        if problems:
            raise ValueError(f"benchmarks/places.py: {country.code}: bad {', '.join(problems)}")
