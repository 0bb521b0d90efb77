"""Countries and unions that can be parties to a joint statement.

The table covers every UN member state, the two UN observer states, a few states
and territories that sign statements without UN membership (Kosovo, the Cook Islands,
Niue; New Caledonia and French Polynesia, full members of the Pacific Islands Forum) and
the unions that act as parties (the EU, ASEAN, the African Union).  It is domain
knowledge, not tuned to any statement.  Territories that are not parties to
intergovernmental statements (Taiwan, Hong Kong...) are deliberately left out.

Matching walks a character trie of the names from each word's first letter, so
it stays linear on megabytes and costs nothing to compile.  Names match case-insensitively but must
start with a capital (``japan`` lacquer, ``turkey`` the bird and ``chad`` do not
count); all-capital aliases (``US``, ``UK``, ``EU``) must match exactly, so the
pronoun ``us`` never names the United States.  An adjective (``Japanese``,
``Uzbek``) names its country only when it qualifies a word such as *side*,
*Government*, *delegation* or *Prime Minister*.  Geographic names that contain a
country (*South China Sea*, *Northern Ireland*, *Gulf of Guinea*) do not count.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

import msgspec

from .patterncache import stored_trie


class Country(msgspec.Struct, frozen=True):
    """A state or union that can sign a statement.

    ``name`` is the common short name used as a party's ``short_name``;
    ``formal`` the formal names as statements write them (with their article);
    ``adjectives`` the demonyms that name the country before *side*,
    *Government*...; ``aliases`` other names (old names, spellings, acronyms).
    """

    name: str
    formal: tuple[str, ...]
    adjectives: tuple[str, ...]
    aliases: tuple[str, ...] = ()
    is_union: bool = False


# One line per party: name | formal names | adjectives | aliases  (";" separates;
# a long entry continues on a second line with the same name).
# A leading "*" marks a union of states rather than a state.
_TABLE = """
Afghanistan | the Islamic Republic of Afghanistan | Afghan |
Albania | the Republic of Albania | Albanian |
Algeria | the People's Democratic Republic of Algeria | Algerian |
Andorra | the Principality of Andorra | Andorran |
Angola | the Republic of Angola | Angolan |
Antigua and Barbuda | Antigua and Barbuda | Antiguan |
Argentina | the Argentine Republic | Argentine; Argentinian |
Armenia | the Republic of Armenia | Armenian |
Australia | the Commonwealth of Australia | Australian |
Austria | the Republic of Austria | Austrian |
Azerbaijan | the Republic of Azerbaijan | Azerbaijani; Azeri |
Bahamas | the Commonwealth of the Bahamas | Bahamian |
Bahrain | the Kingdom of Bahrain | Bahraini |
Bangladesh | the People's Republic of Bangladesh | Bangladeshi |
Barbados | Barbados | Barbadian |
Belarus | the Republic of Belarus | Belarusian |
Belgium | the Kingdom of Belgium | Belgian |
Belize | Belize | Belizean |
Benin | the Republic of Benin | Beninese |
Bhutan | the Kingdom of Bhutan | Bhutanese |
Bolivia | the Plurinational State of Bolivia | Bolivian |
Bosnia and Herzegovina | Bosnia and Herzegovina | Bosnian | Bosnia-Herzegovina
Botswana | the Republic of Botswana | Botswanan |
Brazil | the Federative Republic of Brazil | Brazilian |
Brunei | Brunei Darussalam | Bruneian |
Bulgaria | the Republic of Bulgaria | Bulgarian |
Burkina Faso | Burkina Faso | Burkinabe |
Burundi | the Republic of Burundi | Burundian |
Cabo Verde | the Republic of Cabo Verde | Cabo Verdean; Cape Verdean | Cape Verde
Cambodia | the Kingdom of Cambodia | Cambodian |
Cameroon | the Republic of Cameroon | Cameroonian |
Canada | Canada | Canadian |
Central African Republic | the Central African Republic | |
Chad | the Republic of Chad | Chadian |
Chile | the Republic of Chile | Chilean |
China | the People's Republic of China | Chinese | PRC
Colombia | the Republic of Colombia | Colombian |
Comoros | the Union of the Comoros | Comorian |
Congo | the Republic of the Congo | | Congo-Brazzaville
Costa Rica | the Republic of Costa Rica | Costa Rican |
Côte d'Ivoire | the Republic of Côte d'Ivoire | Ivorian | Cote d'Ivoire; Ivory Coast
Croatia | the Republic of Croatia | Croatian |
Cuba | the Republic of Cuba | Cuban |
Cyprus | the Republic of Cyprus | Cypriot |
Czechia | the Czech Republic | Czech |
DR Congo | the Democratic Republic of the Congo | | DRC; Congo-Kinshasa
Denmark | the Kingdom of Denmark | Danish |
Djibouti | the Republic of Djibouti | Djiboutian |
Dominica | the Commonwealth of Dominica | |
Dominican Republic | the Dominican Republic | Dominican |
Ecuador | the Republic of Ecuador | Ecuadorian |
Egypt | the Arab Republic of Egypt | Egyptian |
El Salvador | the Republic of El Salvador | Salvadoran |
Equatorial Guinea | the Republic of Equatorial Guinea | Equatoguinean |
Eritrea | the State of Eritrea | Eritrean |
Estonia | the Republic of Estonia | Estonian |
Eswatini | the Kingdom of Eswatini | Swazi | Swaziland
Ethiopia | the Federal Democratic Republic of Ethiopia | Ethiopian |
Fiji | the Republic of Fiji | Fijian |
Finland | the Republic of Finland | Finnish |
France | the French Republic | French |
Gabon | the Gabonese Republic | Gabonese |
Gambia | the Republic of the Gambia | Gambian |
Georgia | Georgia | Georgian |
Germany | the Federal Republic of Germany | German |
Ghana | the Republic of Ghana | Ghanaian |
Greece | the Hellenic Republic | Greek; Hellenic |
Grenada | Grenada | Grenadian |
Guatemala | the Republic of Guatemala | Guatemalan |
Guinea | the Republic of Guinea | Guinean |
Guinea-Bissau | the Republic of Guinea-Bissau | Bissau-Guinean |
Guyana | the Co-operative Republic of Guyana | Guyanese |
Haiti | the Republic of Haiti | Haitian |
Honduras | the Republic of Honduras | Honduran |
Hungary | Hungary | Hungarian |
Iceland | Iceland | Icelandic |
India | the Republic of India | Indian |
Indonesia | the Republic of Indonesia | Indonesian |
Iran | the Islamic Republic of Iran | Iranian |
Iraq | the Republic of Iraq | Iraqi |
Ireland | Ireland | Irish |
Israel | the State of Israel | Israeli |
Italy | the Italian Republic | Italian |
Jamaica | Jamaica | Jamaican |
Japan | Japan | Japanese |
Jordan | the Hashemite Kingdom of Jordan | Jordanian |
Kazakhstan | the Republic of Kazakhstan | Kazakh; Kazakhstani |
Kenya | the Republic of Kenya | Kenyan |
Kiribati | the Republic of Kiribati | I-Kiribati |
Kuwait | the State of Kuwait | Kuwaiti |
Kyrgyzstan | the Kyrgyz Republic | Kyrgyz; Kyrgyzstani |
Laos | the Lao People's Democratic Republic | Lao; Laotian | Lao PDR
Latvia | the Republic of Latvia | Latvian |
Lebanon | the Lebanese Republic | Lebanese |
Lesotho | the Kingdom of Lesotho | |
Liberia | the Republic of Liberia | Liberian |
Libya | the State of Libya | Libyan |
Liechtenstein | the Principality of Liechtenstein | |
Lithuania | the Republic of Lithuania | Lithuanian |
Luxembourg | the Grand Duchy of Luxembourg | Luxembourgish |
Madagascar | the Republic of Madagascar | Malagasy |
Malawi | the Republic of Malawi | Malawian |
Malaysia | Malaysia | Malaysian |
Maldives | the Republic of Maldives | Maldivian |
Mali | the Republic of Mali | Malian |
Malta | the Republic of Malta | Maltese |
Marshall Islands | the Republic of the Marshall Islands | Marshallese |
Mauritania | the Islamic Republic of Mauritania | Mauritanian |
Mauritius | the Republic of Mauritius | Mauritian |
Mexico | the United Mexican States | Mexican |
Micronesia | the Federated States of Micronesia | Micronesian |
Monaco | the Principality of Monaco | Monegasque |
Mongolia | Mongolia | Mongolian |
Montenegro | Montenegro | Montenegrin |
Morocco | the Kingdom of Morocco | Moroccan |
Mozambique | the Republic of Mozambique | Mozambican |
Myanmar | the Republic of the Union of Myanmar | | Burma
Namibia | the Republic of Namibia | Namibian |
Nauru | the Republic of Nauru | Nauruan |
Nepal | the Federal Democratic Republic of Nepal | Nepalese; Nepali |
Netherlands | the Kingdom of the Netherlands | Dutch | Holland
New Zealand | New Zealand | |
Nicaragua | the Republic of Nicaragua | Nicaraguan |
Niger | the Republic of the Niger | Nigerien |
Nigeria | the Federal Republic of Nigeria | Nigerian |
North Korea | the Democratic People's Republic of Korea | North Korean | DPRK
North Macedonia | the Republic of North Macedonia | Macedonian |
Norway | the Kingdom of Norway | Norwegian |
Oman | the Sultanate of Oman | Omani |
Pakistan | the Islamic Republic of Pakistan | Pakistani |
Palau | the Republic of Palau | Palauan |
Panama | the Republic of Panama | Panamanian |
Papua New Guinea | the Independent State of Papua New Guinea | Papua New Guinean |
Paraguay | the Republic of Paraguay | Paraguayan |
Peru | the Republic of Peru | Peruvian |
Philippines | the Republic of the Philippines | Philippine; Filipino |
Poland | the Republic of Poland | Polish |
Portugal | the Portuguese Republic | Portuguese |
Qatar | the State of Qatar | Qatari |
Korea | the Republic of Korea | Korean; South Korean | South Korea; ROK
Moldova | the Republic of Moldova | Moldovan |
Romania | Romania | Romanian |
Russia | the Russian Federation | Russian |
Rwanda | the Republic of Rwanda | Rwandan |
Saint Kitts and Nevis | the Federation of Saint Kitts and Nevis | Kittitian | St Kitts and Nevis
Saint Kitts and Nevis | | | St. Kitts and Nevis
Saint Lucia | Saint Lucia | Saint Lucian | St Lucia; St. Lucia
Saint Vincent and the Grenadines | Saint Vincent and the Grenadines | Vincentian |
Saint Vincent and the Grenadines | | | St Vincent and the Grenadines
Samoa | the Independent State of Samoa | Samoan |
San Marino | the Republic of San Marino | Sammarinese |
Sao Tome and Principe | the Democratic Republic of Sao Tome and Principe | |
Sao Tome and Principe | the Democratic Republic of São Tomé and Príncipe | | São Tomé and Príncipe
Saudi Arabia | the Kingdom of Saudi Arabia | Saudi |
Senegal | the Republic of Senegal | Senegalese |
Serbia | the Republic of Serbia | Serbian |
Seychelles | the Republic of Seychelles | Seychellois |
Sierra Leone | the Republic of Sierra Leone | Sierra Leonean |
Singapore | the Republic of Singapore | Singaporean |
Slovakia | the Slovak Republic | Slovak |
Slovenia | the Republic of Slovenia | Slovenian |
Solomon Islands | Solomon Islands | |
Somalia | the Federal Republic of Somalia | Somali |
South Africa | the Republic of South Africa | South African |
South Sudan | the Republic of South Sudan | South Sudanese |
Spain | the Kingdom of Spain | Spanish |
Sri Lanka | the Democratic Socialist Republic of Sri Lanka | Sri Lankan |
Sudan | the Republic of the Sudan | Sudanese |
Suriname | the Republic of Suriname | Surinamese |
Sweden | the Kingdom of Sweden | Swedish |
Switzerland | the Swiss Confederation | Swiss |
Syria | the Syrian Arab Republic | Syrian |
Tajikistan | the Republic of Tajikistan | Tajik; Tajikistani |
Thailand | the Kingdom of Thailand | Thai |
Timor-Leste | the Democratic Republic of Timor-Leste | Timorese | East Timor
Togo | the Togolese Republic | Togolese |
Tonga | the Kingdom of Tonga | Tongan |
Trinidad and Tobago | the Republic of Trinidad and Tobago | Trinidadian |
Tunisia | the Republic of Tunisia | Tunisian |
Türkiye | the Republic of Türkiye; the Republic of Turkey | Turkish | Turkey; Turkiye
Turkmenistan | Turkmenistan | Turkmen |
Tuvalu | Tuvalu | Tuvaluan |
Uganda | the Republic of Uganda | Ugandan |
Ukraine | Ukraine | Ukrainian |
United Arab Emirates | the United Arab Emirates | Emirati | UAE
United Kingdom | the United Kingdom of Great Britain and Northern Ireland | British |
United Kingdom | | | UK; U.K.; Britain; Great Britain
Tanzania | the United Republic of Tanzania | Tanzanian |
United States | the United States of America | American | U.S.; US; USA; U.S.A.
Uruguay | the Oriental Republic of Uruguay | Uruguayan |
Uzbekistan | the Republic of Uzbekistan | Uzbek; Uzbekistani |
Vanuatu | the Republic of Vanuatu | Ni-Vanuatu |
Venezuela | the Bolivarian Republic of Venezuela | Venezuelan |
Viet Nam | the Socialist Republic of Viet Nam | Vietnamese | Vietnam
Viet Nam | the Socialist Republic of Vietnam | |
Yemen | the Republic of Yemen | Yemeni |
Zambia | the Republic of Zambia | Zambian |
Zimbabwe | the Republic of Zimbabwe | Zimbabwean |
Holy See | the Holy See | | Vatican
Palestine | the State of Palestine | Palestinian |
Kosovo | the Republic of Kosovo | Kosovar |
Cook Islands | the Cook Islands | |
Niue | Niue | |
New Caledonia | New Caledonia | |
French Polynesia | French Polynesia | |
*EU | the European Union | European | EU
*ASEAN | the Association of Southeast Asian Nations | | ASEAN
*African Union | the African Union | | AU
"""

#: The members of the unions in the table, by the union's name ("a leader of
#: Cambodia chairing an ASEAN-Japan summit speaks for ASEAN").
_MEMBERS = {
    "EU": (
        "Austria; Belgium; Bulgaria; Croatia; Cyprus; Czechia; Denmark; Estonia; Finland; "
        "France; Germany; Greece; Hungary; Ireland; Italy; Latvia; Lithuania; Luxembourg; "
        "Malta; Netherlands; Poland; Portugal; Romania; Slovakia; Slovenia; Spain; Sweden"
    ),
    "ASEAN": (
        "Brunei; Cambodia; Indonesia; Laos; Malaysia; Myanmar; Philippines; Singapore; "
        "Thailand; Viet Nam"
    ),
    "African Union": (
        "Algeria; Angola; Benin; Botswana; Burkina Faso; Burundi; Cabo Verde; Cameroon; "
        "Central African Republic; Chad; Comoros; Congo; DR Congo; Côte d'Ivoire; Djibouti; "
        "Egypt; Equatorial Guinea; Eritrea; Eswatini; Ethiopia; Gabon; Gambia; Ghana; Guinea; "
        "Guinea-Bissau; Kenya; Lesotho; Liberia; Libya; Madagascar; Malawi; Mali; Mauritania; "
        "Mauritius; Morocco; Mozambique; Namibia; Niger; Nigeria; Rwanda; "
        "Sao Tome and Principe; Senegal; Seychelles; Sierra Leone; Somalia; South Africa; "
        "South Sudan; Sudan; Tanzania; Togo; Tunisia; Uganda; Zambia; Zimbabwe"
    ),
}

#: Nouns after which an adjective names its country ("the Japanese side").
_QUALIFIERS = (
    "side",
    "sides",
    "Side",
    "Sides",
    "Government",
    "government",
    "Governments",
    "delegation",
    "delegations",
    "Delegation",
    "Prime Minister",
    "President",
    "Presidency",
    "Foreign Minister",
    "Minister",
    "Ministers",
    "Leader",
    "Leaders",
    "leader",
    "leaders",
    "authorities",
    "counterpart",
    "counterparts",
    "Chairmanship",
    "Embassy",
    "Ambassador",
    "people",
    "peoples",
    "nation",
)

#: Place names that contain a country's name but do not name the country.
_NOT_COUNTRIES = (
    "Northern Ireland",
    "South China Sea",
    "East China Sea",
    "Sea of Japan",
    "Gulf of Guinea",
    "Gulf of Mexico",
    "New Mexico",
    "New Guinea",
    "Lake Chad",
    "Papua",
    "Latin America",
    "South America",
    "North America",
    "Central America",
)

_ARTICLE = re.compile(r"^\s*the\s+", re.IGNORECASE)
_GEOGRAPHY_AFTER = re.compile(
    r"\s+(?:Sea|Strait|Straits|Peninsula|Basin|River|Delta|Desert|Ocean)\b"
)
_ADJECTIVE_HEAD = re.compile(
    r"(?:\s*(?:,|and|&)\s*[A-Z][\w.'’-]*){0,4}\s+(?:"
    + "|".join(re.escape(q).replace(r"\ ", r"\s+") for q in _QUALIFIERS)
    + r")\b",
    re.IGNORECASE,
)
_SPACES = re.compile(r"\s+")


def _split(field: str) -> list[str]:
    return [part.strip() for part in field.split(";") if part.strip()]


def _parse_table(table: str) -> tuple[Country, ...]:
    """Build the Country records from the one-line-per-party table (a party
    may take a second line: its fields are added to the first)."""
    rows: dict[str, tuple[list[str], list[str], list[str]]] = {}
    for line in table.strip().splitlines():
        name, formal, adjectives, aliases = (part.strip() for part in line.split("|"))
        row = rows.setdefault(name, ([], [], []))
        for target, field in zip(row, (formal, adjectives, aliases), strict=True):
            target.extend(_split(field))
    return tuple(
        Country(
            name=name.lstrip("*"),
            formal=tuple(formal),
            adjectives=tuple(adjectives),
            aliases=tuple(aliases),
            is_union=name.startswith("*"),
        )
        for name, (formal, adjectives, aliases) in rows.items()
    )


#: Every party the gazetteer knows, in table order.
COUNTRIES: tuple[Country, ...] = _parse_table(_TABLE)


_KEY_TABLE = str.maketrans({"’": "'", "‘": "'", "‐": "-", "‑": "-", "–": "-", "—": "-"})


@lru_cache(maxsize=8192)
def normalize_key(text: str) -> str:
    """The lookup key of a name: lower case, one space, straight apostrophes and
    hyphens, no leading article."""
    text = " ".join(text.translate(_KEY_TABLE).split()).lower()
    return text[4:] if text.startswith("the ") else text


def _atom(char: str) -> str:
    """The regex for one character of a name: tolerant of wrapped lines,
    curly apostrophes and dash variants."""
    if char == " ":
        return r"\s+"
    if char == "'":
        return "['’]"
    if char == "-":
        return "[-‐‑–]"
    return re.escape(char)


def trie_pattern(words: Iterable[str]) -> str:
    """A regex alternation of ``words`` (already normalised) shaped as a trie, so
    matching costs a few character tests per position instead of one test per
    word; longer words win over their prefixes."""
    # sorted and without repeats: the trie depends only on the set of words, and
    # a set's order changes from process to process (the stored trie's key)
    return stored_trie(sorted({word for word in words if word}), _build_trie)


def _build_trie(words: list[str]) -> str:
    """The trie alternation of :func:`trie_pattern`, built."""
    root: dict[str, dict] = {}  # type: ignore[type-arg]
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def build(node: dict) -> str:  # type: ignore[type-arg]
        branches = [_atom(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" in node:
            return "(?:" + body + ")?"
        return body

    return build(root)


def capitalised_trie(words: Iterable[str]) -> str:
    """Like :func:`trie_pattern` for lower-case ``words``, but the first letter
    must be a capital and the rest matches in any case (``Japan``, ``JAPAN``,
    not ``japan``).  Keeping the first character case-sensitive lets the regex
    engine skip most positions quickly: a large speed-up on long texts."""
    groups: dict[str, list[str]] = {}
    for word in words:
        groups.setdefault(word[0].upper(), []).append(word[1:])
    branches = [
        _atom(first) + "(?i:" + trie_pattern(rest) + ")" for first, rest in sorted(groups.items())
    ]
    return "(?:" + "|".join(branches) + ")"


# kind: "name", "formal", "alias", "adjective" or "blocked" (a place, not a party)
_INDEX: dict[str, tuple[Country | None, str]] = {}
for _country in COUNTRIES:
    for _kind, _names in (
        ("adjective", _country.adjectives),
        ("alias", _country.aliases),
        ("formal", _country.formal),
        ("name", (_country.name,)),
    ):
        for _n in _names:
            _INDEX[normalize_key(_n)] = (_country, _kind)
for _place in _NOT_COUNTRIES:
    _INDEX[normalize_key(_place)] = (None, "blocked")

#: Aliases written in capitals only: they must match with their exact case.
_EXACT_CASE: dict[str, set[str]] = {}
for _country in COUNTRIES:
    for _n in _country.aliases:
        if not any(ch.islower() for ch in _n):
            _EXACT_CASE.setdefault(normalize_key(_n), set()).add(_n)

#: The names as a character trie, one per capital they start with: matching walks
#: it from each word's first letter (cheaper to build than one large regex, and
#: mentions are looked for in short texts).  A node's ``""`` holds the name ending there.
_Node = dict[str, "Any"]
_TRIE: dict[str, _Node] = {}
for _key in _INDEX:
    _node = _TRIE.setdefault(_key[0].upper(), {})
    for _char in _key[1:]:
        _node = _node.setdefault(_char, {})
    _node[""] = _key
#: how a character of the text is compared with a name's (after lower-casing)
_FOLD = {"’": "'", "‐": "-", "‑": "-", "–": "-"}

#: where a name may start: a capital some name starts with, no word character before it
_WORD_START = re.compile(r"(?<!\w)[" + re.escape("".join(sorted(_TRIE))) + "]")


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char == "_"


def _name_at(text: str, start: int) -> tuple[int, str] | None:
    """The longest name in the index written at ``start`` (first letter a capital,
    the rest in any case; any run of whitespace for a space, either apostrophe,
    any dash) that no word character or "$" follows: its end and its key."""
    node = _TRIE.get(text[start])
    best: tuple[int, str] | None = None
    i, size = start + 1, len(text)
    while node is not None:
        if "" in node and (i >= size or not (_is_word_char(text[i]) or text[i] == "$")):
            best = (i, node[""])
        if i >= size:
            break
        char = text[i]
        if char.isspace():
            node = node.get(" ")
            while i < size and text[i].isspace():
                i += 1
            continue
        node = node.get(_FOLD.get(char) or char.lower())
        i += 1
    return best


class CountryMention(msgspec.Struct, frozen=True):
    """One place in a text where a country is named."""

    country: Country
    start: int
    end: int
    text: str
    kind: str  # "name", "formal", "alias" or "adjective"


def _accept(written: str, end: int, kind: str, text: str, require_head: bool) -> bool:
    """Whether a raw match really names its country in context."""
    exact = _EXACT_CASE.get(normalize_key(written))
    if exact is not None and written.replace("’", "'") not in exact:
        return False
    if _GEOGRAPHY_AFTER.match(text, end):
        return False
    return not (kind == "adjective" and require_head and not _ADJECTIVE_HEAD.match(text, end))


def mentions(text: str, *, require_head: bool = True) -> list[CountryMention]:
    """Every place in ``text`` that names a country, in order.

    With ``require_head`` (the default) an adjective counts only before a
    qualifying noun (``the Japanese side``); without it, any adjective counts.
    """
    found = []
    position = 0
    for start_match in _WORD_START.finditer(text):
        start = start_match.start()
        first = _TRIE.get(start_match.group())
        if start < position or first is None:
            continue
        following = text[start + 1 : start + 2]
        if (
            following
            and not following.isspace()
            and following.lower() not in first
            and _FOLD.get(following) not in first
        ):
            continue  # most capitalised words go no further than their second letter
        name = _name_at(text, start)
        if name is None:
            continue
        end, key = name
        position = end
        country, kind = _INDEX[key]
        written = text[start:end]
        if country is None or not _accept(written, end, kind, text, require_head):
            continue
        found.append(CountryMention(country, start, end, written, kind))
    return found


def find_country(phrase: str) -> Country | None:
    """The country (or union such as the EU/ASEAN acting as a party) that a short noun phrase
    names: 'the Republic of Tajikistan', 'Tajikistan', 'The Tajikistan side', 'The Japanese
    side', 'the Uzbek side', 'Japan's', 'the United States', 'U.S.', 'the European Union'."""
    found = mentions(phrase, require_head=False)
    return found[0].country if found else None


def countries_in(text: str) -> list[Country]:
    """Every country named in text, in order of first appearance, longest match first, word
    boundaries, formal names and adjectives included (an adjective counts only when it qualifies
    'side', 'Government', 'delegation', 'Prime Minister'... e.g. 'the Japanese side'; plain
    'Japanese language' does not)."""
    seen: dict[str, Country] = {}
    for mention in mentions(text):
        seen.setdefault(mention.country.name, mention.country)
    return list(seen.values())


def is_country_name(phrase: str) -> bool:
    """Whether ``phrase`` is, as a whole, the name of a state (not a union): used
    to keep countries out of organisation lists."""
    entry = _INDEX.get(normalize_key(phrase))
    return entry is not None and entry[0] is not None and not entry[0].is_union


def party_name(country: Country, as_written: str | None = None) -> str:
    """The full name for the model's Party.name: the formal name as written in the statement when
    given, else the common name ('the Republic of Tajikistan' -> 'Republic of Tajikistan'
    without the article)."""
    if as_written:
        for mention in mentions(as_written, require_head=False):
            if mention.country == country and mention.kind == "formal":
                return _ARTICLE.sub("", _SPACES.sub(" ", mention.text))
    return country.name


def unions_of(country: Country) -> tuple[Country, ...]:
    """The unions in the table that ``country`` is a member of (Cambodia: ASEAN)."""
    return tuple(
        union
        for union in COUNTRIES
        if union.is_union and country.name in _split(_MEMBERS.get(union.name, ""))
    )


@lru_cache(maxsize=1)
def _capitals() -> dict[str, str]:
    from .doc_rules import lines

    table: dict[str, str] = {}
    for line in lines("capitals.txt"):
        city, _bar, party = line.partition("|")
        table[normalize_key(city.strip())] = party.strip()
    return table


def country_of_place(place: str) -> Country | None:
    """The party a place belongs to: a country's own name, or its capital
    ("Washington, D.C." gives the United States, "Tokyo" Japan)."""
    country = find_country(place)
    if country is not None and normalize_key(place) in {
        normalize_key(n) for n in (country.name, *country.formal, *country.aliases)
    }:
        return country
    name = _capitals().get(normalize_key(place.strip(" ,.")))
    if name is None:
        name = _capitals().get(normalize_key(place.split(",")[0]))
    return next((c for c in COUNTRIES if c.name == name), None) if name else None
