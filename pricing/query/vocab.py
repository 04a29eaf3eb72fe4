"""The words people use in pricing questions, per language, and what each means to the parser.

Understanding is data: a misreading is fixed by a row here and a corpus case, not by a branch in the
parser. Roles are plain strings read by `pricing.query`:

- ``label:<part>``: names the part an amount is (input, output, cached, cache, storage, thinking,
  audio, video); ``count``, ``searches``, ``dur:<hours>``, ``period:<day|month|minute|week>``;
- ``people`` (users, 用户: not requests), ``people_label`` (日活 2000: the amount after it is people) and
  ``per_person`` (每人, per user: a count per person); ``per_unit`` (`20 steps per task`: a count per unit,
  the units counted elsewhere: `200 tasks/day`);
- options: ``batch``, ``tier:<flex|priority>`` (Google's service tiers), ``search``, ``cny``, ``usd``, ``public``;
- intents: ``budget``, ``compare``, ``rates``, ``free``, ``help``, ``info`` (model facts), ``limit:<rpm|rpd|tpm>``;
- ``thinking_on`` (开思考: thinking with its amount given elsewhere, else asked) and ``thinking_off`` (关掉思考);
- ``except`` (`all but 2k cached`: the part named is the prompt less this amount);
- ``count_verb`` (调用, 请求, 跑: the amount after it is a request count; a period before it is the count's);
- reading aids: ``link`` (sits between an amount and its label), ``each`` (per-request marker),
  ``total`` (a sum: cached included, or across requests), ``embed``, ``images``, ``make``, ``via``,
  ``followup``, ``skip``;
- ``matter``: a word that changes the price but that the grammar cannot place (the parser asks).
"""

from __future__ import annotations

from functools import lru_cache

from .english import is_common_word

__all__ = [
    "NEGATION_CHARS",
    "PER_LANGUAGE",
    "SWITCH_OFF",
    "PROMPT_LABELS",
    "RECORDINGS",
    "CJK_RECORDINGS",
    "PHONE_CALLS",
    "TRANSCRIBING",
    "IME_SLIPS",
    "CURRENCY_SYMBOLS",
    "CURRENCY_WORDS",
    "WORDS",
    "PHRASES",
    "PHRASES3",
    "FILLER",
    "CJK_WORDS",
    "CJK_FILLER",
    "PRICE_MORPHEMES",
    "TOKEN_WORDS",
    "COUNTING_MEASURES",
    "CONTENT_UNITS",
    "NOT_WORK_ITEMS",
    "NOT_WORK_ITEMS_CJK",
    "OUTPUT_NOUNS",
    "PIECE_NOUNS",
    "BOUND_MORPHEMES",
    "cjk_price_like",
    "near_model_word",
    "one_edit",
    "PRICE_STEMS",
    "HYPHEN_COMPOUNDS",
    "MODEL_WORDS",
    "price_like",
    "PERIOD_WORDS",
    "LINK_WORDS",
    "VERB_NOUNS",
    "ASKED_CUES",
    "correct_typo",
]

# English single words -> role.
#: Currencies an answer can be shown in beside USD (with an admin-set rate), by ISO code: the code, CLDR's
#: names in zh_Hans and zh_Hant (tests/pricing/test_currency_words.py checks them against Babel's CLDR data),
#: and the names people type (台币, NTD, 港币, yen). Chinese words are as normalize() leaves them (幣 -> 币).
#: Yuan are not here: they have their own role (`cny`) and setting (USD_CNY).
CURRENCY_WORDS: dict[str, tuple[str, ...]] = {
    "TWD": ("twd", "ntd", "新台币", "台币", "新台湾币"),
    "HKD": ("hkd", "港元", "港币"),
    "JPY": ("jpy", "yen", "日元", "日圆", "日圓", "日币"),
    "EUR": ("eur", "euro", "euros", "欧元", "歐元"),
    "GBP": ("gbp", "英镑", "英鎊"),
    "KRW": ("krw", "韩元", "韓元", "韩币", "韓币"),
    "SGD": ("sgd", "新加坡元", "新加坡币", "新币"),
    "INR": ("inr", "rupees", "rupee", "印度卢比", "卢比"),
}

#: Currency symbols other than `$` and `¥` (USD and yuan), by ISO code, as CLDR writes them in the locale
#: given (tests/pricing/test_currency_words.py checks each against Babel). A budget in one of them is asked
#: about (budgets are read in USD and yuan only), never read as a bare number.
CURRENCY_SYMBOLS: dict[str, tuple[str, str]] = {
    "£": ("GBP", "en"), "€": ("EUR", "en"), "₩": ("KRW", "en"), "₹": ("INR", "en"), "₪": ("ILS", "en"), "₫": ("VND", "en"),
    "₱": ("PHP", "en"), "nt$": ("TWD", "en"), "hk$": ("HKD", "en"), "a$": ("AUD", "en"), "ca$": ("CAD", "en"),
    "r$": ("BRL", "en"), "mx$": ("MXN", "en"), "nz$": ("NZD", "en"), "฿": ("THB", "th"), "₽": ("RUB", "ru"), "₺": ("TRY", "tr"),
    "₴": ("UAH", "uk"), "zł": ("PLN", "pl"),
}  # fmt: skip

WORDS: dict[str, str] = {
    **dict.fromkeys(["semester", "semesters"], "span"),  # a school term: a count in it is its total (CJK_WORDS `学期`)
    **dict.fromkeys(["in", "input", "inputs", "prompt", "prompts", "context", "ctx", "send", "sending", "sent"], "label:input"),
    **dict.fromkeys(
        ["out", "output", "outputs", "completion", "completions", "response", "responses", "answer", "answers", "reply", "replies",
         "generated", "generation", "back", "feedback", "returns", "return", "returned", "returning"],
        "label:output",
    ),
    **dict.fromkeys(["cached", "hits", "hit", "reads"], "label:cached"),
    **dict.fromkeys(["cache", "caching"], "label:cache"),
    "storage": "label:storage",
    **dict.fromkeys(["thinking", "reasoning", "thoughts"], "label:thinking"),
    **dict.fromkeys(["audio", "voice", "speech", "recording", "recordings"], "label:audio"),
    **dict.fromkeys(["video", "videos"], "label:video"),
    **dict.fromkeys(
        ["requests", "request", "calls", "call", "reqs", "req", "times", "runs", "run", "queries", "query", "passes",
         "messages", "message", "msgs", "conversations", "chats", "turns", "documents", "docs", "doc",
         "texts", "chunks", "passages", "pages", "records", "rows", "sentences", "jobs", "tasks", "invocations",
         "executions", "generations", "emails", "tickets", "articles", "files", "questions", "msg", "descriptions", "reviews", "comments", "posts",
         "tweets", "entries", "snippets", "summaries", "transcripts", "products", "items", "episodes", "steps", "notes",
         "lookups", "classifications", "translations", "prs", "volume", "qs", "q's"],
        "count",
    ),
    # People are not requests: `300 users` says nothing of how often each asks (usage.py multiplies
    # only when a count per person is given, `100 users x 20 messages a day`)
    **dict.fromkeys(
        ["users", "people", "persons", "customers", "employees", "members", "subscribers", "seats", "students", "agents",
         "shoppers", "patients", "drivers", "riders", "analysts", "teachers", "readers", "viewers", "learners",
         "doctors", "nurses", "lawyers", "devs", "developers", "engineers", "reps", "recruiters", "editors",
         "tutors", "coaches", "residents", "interns", "staffers", "paralegals", "adjusters", "dispatchers", "caseworkers", "counselors",
         "dau", "mau", "signups", "sign-ups", "accounts"],
        "people",
    ),
    **dict.fromkeys(["searches"], "searches"),
    **dict.fromkeys(["h", "hr", "hrs", "hour", "hours"], "dur:1"),
    **dict.fromkeys(["min", "mins", "minute", "minutes"], "dur:1/60"),
    **dict.fromkeys(["sec", "secs", "second", "seconds"], "dur:1/3600"),  # `45 seconds of audio`: its length
    **dict.fromkeys(["d", "day", "days"], "dur:24"),
    **dict.fromkeys(["daily", "nightly"], "period:day"),
    "monthly": "period:month",
    **dict.fromkeys(["resolution", "weekly", "week", "weeks", "yearly", "annually", "annual", "year", "years", "hourly",
                     "fortnight", "fortnights", "fortnightly", "biweekly"], "matter"),
    **dict.fromkeys(["batch", "batched", "batching"], "batch"),
    **dict.fromkeys(["flex", "flexible"], "tier:flex"),
    **dict.fromkeys(["priority", "prioritized", "prioritised"], "tier:priority"),
    **dict.fromkeys(["search", "grounding", "grounded", "google"], "search"),
    **dict.fromkeys(["cny", "rmb", "yuan", "renminbi"], "cny"),
    **{word: f"fx:{code}" for code, words in CURRENCY_WORDS.items() for word in words if word.isascii()},
    **dict.fromkeys(["usd", "dollars", "dollar", "bucks"], "usd"),
    **dict.fromkeys(["budget", "budget's", "budgets", "afford", "fit", "buy", "cover", "cap", "capped", "capacity"], "budget"),
    **dict.fromkeys(["compare", "comparison", "cheapest", "cheaper", "lowest", "cheap", "pricier", "costlier",
                     "difference"], "compare"),
    **dict.fromkeys(["rates", "rate", "price", "prices", "pricing", "pricelist", "card"], "rates"),
    **dict.fromkeys(["free", "limits", "limit", "quota", "quotas", "allowance"], "free"),
    "rpm": "limit:rpm",
    "rpd": "limit:rpd",
    "tpm": "limit:tpm",
    **dict.fromkeys(["help", "examples", "example", "howto", "commands", "usage", "ask", "supposed"], "help"),
    **dict.fromkeys(
        ["window", "status", "deprecated", "deprecation", "retired", "shutdown", "successor", "available",
         "availability", "modalities", "modality", "multimodal", "supports", "support", "released", "release",
         "discontinued", "eol", "sunset", "replacement", "info", "specs", "details", "ga", "preview", "stable",
         "replaced", "replace", "replaces", "accept", "accepts", "maximum", "take", "takes", "threshold", "cutoff",
         "knowledge"],
        "info",
    ),
    "public": "public",
    # daily / monthly active users: the amount after is people, using it that often
    **dict.fromkeys(["dau", "mau"], "people_label"),
    "model": "model_kw",
    "models": "model_kw",
    "x": "times_sign",
    **dict.fromkeys(["each", "apiece", "per-request", "per-call"], "each"),
    **dict.fromkeys(["total", "overall", "altogether", "combined"], "total"),
    **dict.fromkeys(["embed", "embedding", "embeddings", "embedded", "vectorize", "vectors", "vector"], "embed"),
    **dict.fromkeys(
        ["image", "images", "picture", "pictures", "photo", "photos", "pic", "pics", "img", "imgs", "drawing", "drawings", "illustration",
         "illustrations"],
        "images",
    ),
    **dict.fromkeys(["make", "making", "generate", "generating", "create", "creating", "draw", "drawing", "render", "rendering", "produce"], "make"),
    "via": "via",
    # `via github-copilot` / `via github copilot`: `via` takes "github", the provider's name goes on
    "copilot": "skip",
    # `compare ... across providers`, `where is 3.1 pro cheapest`: one model at Google and each provider
    **dict.fromkeys(["providers", "provider", "resellers", "reseller", "vendors", "platforms"], "providers"),
    "where's": "providers",
    **dict.fromkeys(["or", "vs", "versus"], "alt"),
    **dict.fromkeys(["including", "incl", "included", "includes", "inc"], "part"),
    **dict.fromkeys(["them", "those", "these"], "pronoun"),
    **dict.fromkeys(["instead", "switch", "switching"], "followup"),
    **dict.fromkeys(["tokens", "token", "tok", "toks", "tkns", "tkn", "of", "the", "=", ":"], "link"),
    # `300 text tokens in`: text is what a prompt is made of unless another modality is named
    **dict.fromkeys(["text", "textual"], "link"),
}

#: Three-word phrases, read before the two-word ones: `30k of it hitting the cache` (cache hits), where
#: `hitting the` alone is calling (`we hit the api 20k times`).
PHRASES3: dict[tuple[str, str, str], tuple[str, str, str | None]] = {
    **{(verb, "the", "cache"): ("label:cached", "link", "link") for verb in ("hit", "hits", "hitting", "hitting")},
    **{(verb, "from", "cache"): ("label:cached", "link", "link") for verb in ("served", "read", "comes", "coming")},
    # `50k in (all but 5k cached)`: the prompt's label, then the part named by what it is not
    **{("in", "all", word): ("label:input", "except", "skip") for word in ("but", "except")},
    # `how much for the month`, `cost for the day`: the period asked for
    **{("for", "the", word): ("skip", "link", f"period:{period}") for word, period in (("month", "month"), ("day", "day"))},
    # `we're thinking of switching to 3 flash`: thinking as the verb, not the model's thinking tokens
    # (the verb is left to the tables: `switching from` still compares)
    **{("thinking", word, verb): ("skip", "skip", None) for word in ("of", "about")
       for verb in ("switching", "moving", "using", "going", "trying", "migrating", "upgrading", "building", "adding")},
    # `with thinking off`: off before `with thinking` is read as thinking switched on
    **{("with", "thinking", word): ("skip", "thinking_off", "skip") for word in ("off", "disabled")},
    # `60k emails once a month`, `once per day`: how often the count recurs, its period
    **{("once", per, word): ("skip", "skip", f"period:{period}") for per in ("a", "per", "every", "each")
       for word, period in (("month", "month"), ("day", "day"), ("night", "day"))},
    # `6k cached system prompt`: the cached part is the system prompt, not another prompt
    **{("cached", "system", word): ("label:cached", "link", "link") for word in ("prompt", "prompts", "instructions")},
    ("how", "much", "more"): ("compare", "skip", "skip"),  # `moving to 2.5 flash, how much more per month`
    # `search grounding on all of them`: every request
    **{(word, "of", pronoun): ("each", "skip", "skip") for word in ("all", "each", "every") for pronoun in ("them", "those", "these")},
}

#: Words written with a hyphen that mean none of their parts: `voice-over` is narration, not audio input.
#: Besides these, a part of one or two letters joined by a hyphen (`co-op`, `e-commerce`) is no abbreviation.
HYPHEN_COMPOUNDS = frozenset([("voice", "over"), ("voice", "overs"), ("follow", "through"), ("lay", "over")])

#: Words that switch the option after them off (`不走 batch`, `不用批量`, `no batch`, `without batch`): pairing.py.
SWITCH_OFF = frozenset(["不走", "不用", "不要", "不跑", "不开", "没有", "没", "不", "不会", "no", "not", "without", "non"])

#: What says each language is a call of its own (`one call per language`, `每种语言单独一次请求`): read as `matter`
#: (how many languages?) unless languages.py finds their count.
PER_LANGUAGE = frozenset(["language", "locale", "每种语言", "每个语言", "每一种语言"])

#: Two-word phrases: (first, second) -> (role of first, role of second).
PHRASES: dict[tuple[str, str], tuple[str, str]] = {
    # `one call per language per SKU`: a count per language the question does not give (EN, DE and FR): asked
    **{(per, word): ("skip", "matter") for per in ("per", "each", "every") for word in (*(w for w in PER_LANGUAGE if w.isascii()), "market")},
    # `for semantic search`, `vector search`: what embeddings are for, no Google Search grounding
    **{(kind, "search"): ("skip", "skip") for kind in ("semantic", "vector", "similarity", "hybrid", "site", "product", "internal")},
    # `with thinking off`, `thinking disabled`, `no thinking`: thinking switched off names no amount
    **{("thinking", word): ("thinking_off", "skip") for word in ("off", "disabled", "turned")},
    **{(word, "thinking"): ("skip", "thinking_off") for word in ("no", "without", "disable", "disabled")},
    # `14 sales reps`, `support agents`: who they are, then the people counted (`sales` had been the things counted)
    **{(kind, who): ("people", "skip") for kind in ("sales", "support", "service", "customer", "field") for who in ("reps", "agents", "staff", "people")},
    # `6k tokens going in and 1k coming out`: a verb of motion before in or out is no word of its own
    **{(verb, "in"): ("link", "label:input") for verb in ("going", "goes", "go", "coming", "comes", "sent", "sending")},
    **{(verb, "out"): ("link", "label:output") for verb in ("coming", "comes", "going", "goes", "come")},
    # `calls come in ~500/hr`, `answers come in as audio`: things arriving, no input label (`1k in` still labels;
    # `6k tokens coming in` is the input, above)
    **{(verb, "in"): ("skip", "skip") for verb in ("come", "came")},
    **{(verb, "back"): ("link", "label:output") for verb in ("coming", "comes", "come", "sent")},
    # `brand voice doc`, `(typed notes, not audio)`, `voice assistant`: no audio sent
    ("brand", "voice"): ("skip", "skip"),
    **{(no, media): ("skip", "skip") for no in ("not", "no", "non") for media in ("audio", "voice", "speech")},
    **{("voice", thing): ("skip", "skip") for thing in ("assistant", "assistants")},
    # `audio out 2k` (a TTS model): the output's modality, priced at the output rate
    **{(media, out): ("skip", "label:output") for media in ("audio", "voice", "speech") for out in ("out", "output")},
    ("cache", "storage"): ("label:storage", "link"),
    ("cached", "storage"): ("label:storage", "link"),
    ("context", "caching"): ("label:cache", "link"),
    ("context", "cache"): ("label:cache", "link"),
    ("context", "window"): ("info", "skip"),
    ("context", "length"): ("info", "skip"),
    ("cache", "hits"): ("label:cached", "link"),
    ("cache", "hit"): ("label:cached", "link"),
    ("cache", "reads"): ("label:cached", "link"),
    ("cache", "read"): ("label:cached", "link"),
    ("from", "cache"): ("link", "label:cached"),
    ("price", "list"): ("rates", "skip"),
    ("rate", "card"): ("rates", "skip"),
    ("rate", "limit"): ("free", "skip"),
    # `1,200 tweaks in december … total for december`: a month named is a month's count and a month asked
    **{(prep, month): ("skip", "period:month") for prep in ("in", "for", "during", "over")
       for month in ("january", "february", "march", "april", "june", "july", "august", "september", "october", "november", "december")},
    # `how do i use this thing`, `what info do you need from me`: how to ask the bot
    ("i", "use"): ("help", "skip"),
    ("you", "need"): ("help", "skip"),
    ("u", "need"): ("help", "skip"),
    ("rate", "limits"): ("free", "skip"),
    ("per", "call"): ("skip", "each"),
    ("per", "request"): ("skip", "each"),
    ("how", "far"): ("skip", "budget"),
    ("going", "away"): ("info", "skip"),
    ("without", "paying"): ("skip", "free"),
    **{(verb, word): ("skip", "budget") for verb in ("stay", "keep", "staying", "keeping") for word in ("under", "below", "within")},  # `stay under $200/month`
    # `should we move from 2.5 flash to 3.1 flash-lite?`: the two models compared
    **{(verb, "from"): ("compare", "skip") for verb in ("move", "moving", "switch", "switching", "migrate", "migrating")},
    # `thinking extra 4k`, `thinking eats another 3k`: the thinking's amount, on top of the output
    **{("thinking", word): ("label:thinking", "link") for word in ("extra", "another", "additional")},
    **{(verb, word): ("link", "link") for verb in ("eats", "takes", "uses", "adds", "burns", "costs")
       for word in ("another", "extra", "an")},
    ("no", "grounding"): ("skip", "skip"),  # `no grounding`: the default, said to be sure
    ("no", "search"): ("skip", "skip"),
    ("no", "batch"): ("skip", "skip"),
    ("phased", "out"): ("info", "skip"),
    ("end", "of"): ("info", "skip"),
    ("per", "user"): ("skip", "per_person"),
    ("each", "user"): ("skip", "per_person"),
    ("per", "person"): ("skip", "per_person"),
    ("each", "person"): ("skip", "per_person"),
    ("per", "head"): ("skip", "per_person"),
    ("per", "req"): ("skip", "each"),
    ("per", "run"): ("skip", "each"),
    ("per", "query"): ("skip", "each"),
    ("per", "message"): ("skip", "each"),
    ("a", "call"): ("skip", "each"),
    ("a", "request"): ("skip", "each"),
    ("every", "call"): ("skip", "each"),
    ("every", "request"): ("skip", "each"),
    ("the", "cache"): ("link", "link"),
    ("free", "tier"): ("free", "tier"),
    ("service", "tier"): ("skip", "skip"),
    ("where", "is"): ("providers", "skip"),
    ("where", "to"): ("providers", "skip"),
    ("across", "providers"): ("skip", "providers"),
    ("flex", "tier"): ("tier:flex", "skip"),
    ("flex", "processing"): ("tier:flex", "skip"),
    ("flex", "mode"): ("tier:flex", "skip"),
    ("priority", "tier"): ("tier:priority", "skip"),
    ("priority", "processing"): ("tier:priority", "skip"),
    ("priority", "mode"): ("tier:priority", "skip"),
    ("still", "around"): ("info", "skip"),
    ("max", "input"): ("info", "skip"),
    ("in", "cny"): ("skip", "cny"),
    ("in", "rmb"): ("skip", "cny"),
    ("in", "yuan"): ("skip", "cny"),
    ("in", "usd"): ("skip", "usd"),
    ("in", "dollars"): ("skip", "usd"),
    ("what", "about"): ("followup", "skip"),
    ("how", "about"): ("followup", "skip"),
    ("what", "if"): ("followup", "skip"),
    ("shut", "down"): ("info", "skip"),
    ("still", "available"): ("info", "skip"),
    ("max", "output"): ("info", "skip"),
    ("output", "limit"): ("info", "skip"),
    ("how", "much"): ("price_q", "skip"),
    ("get", "me"): ("budget", "skip"),
    ("per", "prompt"): ("link", "label:input"),
    ("per", "response"): ("link", "label:output"),
    ("per", "answer"): ("link", "label:output"),
    ("per", "reply"): ("link", "label:output"),
    ("google", "search"): ("search", "skip"),
    ("web", "search"): ("search", "skip"),
    ("what", "can"): ("help", "skip"),
    ("how", "do"): ("skip", "skip"),
    ("you", "do"): ("skip", "skip"),
    ("are", "you"): ("skip", "skip"),
    ("per", "minute"): ("skip", "period:minute"),
    ("a", "minute"): ("skip", "period:minute"),
    ("each", "minute"): ("skip", "period:minute"),
    ("per", "min"): ("skip", "period:minute"),
    ("per", "week"): ("skip", "matter"),
    ("a", "week"): ("skip", "matter"),
    ("per", "year"): ("skip", "matter"),
    ("a", "year"): ("skip", "matter"),
    ("per", "hour"): ("skip", "matter"),
    ("an", "hour"): ("skip", "matter"),
    ("per", "second"): ("skip", "matter"),
    # `we hit the api 20k times a day`: hitting the API is calling it, not a cache hit
    ("hit", "the"): ("skip", "skip"),
    ("hit", "it"): ("skip", "skip"),
    ("hitting", "it"): ("skip", "skip"),
    ("hits", "it"): ("skip", "skip"),
    # `1000 requests in all`: a total; `hey all`: a greeting (`all` alone is `compare all models`)
    ("in", "all"): ("total", "skip"),
    # `all` compares only the models (`all models`, `all of the models`): `across all clinics` is not a comparison
    ("all", "models"): ("compare", "model_kw"),
    **{(greeting, "all"): ("skip", "skip") for greeting in ("hey", "hi", "hello", "thanks", "morning", "folks")},
    ("how", "big"): ("skip", "info"),
    # `trying to figure out`: not an output
    **{(verb, "out"): ("skip", "skip") for verb in ("figure", "figuring", "find", "finding", "work", "working")},
    # `in 100k (all but 2k cached)`: the rest of the prompt is the part named
    ("all", "but"): ("except", "skip"),
    ("all", "except"): ("except", "skip"),
    # `150 daily active users`: users, not a period
    ("daily", "active"): ("link", "link"),
    ("monthly", "active"): ("link", "link"),
    # `3 pro with thinking: 3k in`: a mode, not a label for the amount after it (asked about if no amount says
    # how many thinking tokens: pairing.collect)
    ("with", "thinking"): ("skip", "thinking_on"),
    ("with", "reasoning"): ("skip", "thinking_on"),
    # `500 token summaries`: the size of what the model writes
    **{(tokens, noun): ("link", "label:output") for tokens in ("token", "tokens") for noun in ("summaries", "summary")},
    # `5 msgs/user/day`: a count per person
    ("/", "user"): ("skip", "per_person"),
    ("how", "large"): ("skip", "info"),
    ("how", "long"): ("skip", "info"),
    ("hitting", "the"): ("skip", "skip"),
    ("on", "top"): ("skip", "skip"),
    ("comes", "out"): ("skip", "skip"),  # `each image comes out as 1290 output tokens`: results in, no output label
    ("come", "out"): ("skip", "skip"),
    ("came", "out"): ("skip", "skip"),
    ("thinking", "of"): ("skip", "skip"),  # `thinking of an overnight batch`: considering, no thinking tokens
    ("thinking", "about"): ("skip", "skip"),
    ("not", "counting"): ("skip", "skip"),  # `out 500 not counting thinking`: on top, as 不含 says
    ("not", "including"): ("skip", "skip"),
    ("spending", "limit"): ("budget", "skip"),  # a budget, not the free tier's limit
    ("spend", "limit"): ("budget", "skip"),
    ("price", "diff"): ("skip", "compare"),
    ("per", "token"): ("rates", "link"),  # `what does gemini charge per token`: the rates
    ("all", "on"): ("skip", "skip"),
    ("run", "us"): ("skip", "skip"),  # `how much would it run us a month`: cost us, not a run counted  # `all on 2.5 flash`: every request on one model, not a comparison
    ("this", "month"): ("skip", "period:month"),
    ("last", "month"): ("skip", "period:month"),  # `1.8M requests last month`
    ("the", "month"): ("skip", "period:month"),  # `what should the month be`, `cost for the month`
    ("next", "month"): ("skip", "period:month"),  # `3000 sessions this month`  # `1k thinking on top`: added, as thinking always is
}

PERIOD_WORDS = {"day": "day", "days": "day", "d": "day", "night": "day", "nights": "day", "month": "month", "months": "month", "mo": "month", "mon": "month",
                "mnth": "month", "mth": "month", "mnths": "month", "mths": "month",
                "day's": "day", "month's": "month",
                "天": "day", "日": "day", "月": "month"}

#: Words that, right after a period word, make it the period the total is asked for (`每月多少钱`,
#: `monthly cost?`), not the request count's.
ASKED_CUES = frozenset(["多少", "多少钱", "费用", "成本", "花费", "花多少", "要花多少", "账单", "能花几毛钱", "能花多少钱", "能花多少", "cost", "costs", "bill", "price", "spend",
                        "total", "budget"])  # fmt: skip

#: Calling verbs that are also the noun for a call: right after an amount they name what was counted
#: (`2000请求`, `1000调用`); `跑`, `调` stay verbs (`gemini 3跑`: 3 is the model's, not a count).
VERB_NOUNS = frozenset(["请求", "调用"])

#: Chinese measure words that count things (`8万个SKU`, `40份说明书`, `1200 则评论`): after an amount and before
#: a noun, the amount is how many of those things there are, never a size in tokens.
COUNTING_MEASURES = frozenset("个個份条條篇张張件本段则則笔筆封家款首部集期场場通单單题題道句组組支项項间間")
#: English things counted with a period that are no work item of one request each (`22 workdays a month`, `1000 visitors
#: a day`): days, shifts, people, places, bots.
NOT_WORK_ITEMS = frozenset(["workdays", "days", "shifts", "hours", "weeks", "users", "visitors", "customers", "clients", "members", "people",
                             "patients", "students", "guests", "stores", "branches", "teams", "groups", "chatbots", "bots", "agents",
                             "accounts", "employees", "staff", "subscribers", "players", "servers", "channels", "devices"])
#: Chinese things counted with a period that are no work item (`每天 6 个门店`, `一天 8 个群`): places, groups, people.
NOT_WORK_ITEMS_CJK = frozenset(["门店", "店", "分店", "门市", "网点", "群", "客户", "新客户", "用户", "新用户", "员工", "会员", "医院", "学校", "班级",
                                "工作天", "工作日", "班次"])
#: Units a text is measured in (`300 lines`, `12,000-word doc`): an amount of them is a size, never a count of requests.
CONTENT_UNITS = frozenset(["lines", "words", "characters", "chars", "paragraphs", "letters", "bytes", "slides", "kb", "mb",
                           "seconds", "minutes", "hours", "secs", "mins", "hrs", "frames", "loc", "days", "weeks", "months", "years"])

#: Words that may sit between an amount and its label (`1M tokens in`, `input = 1M`).
#: The words that say an amount is tokens (`6 万 token`, `2k tok`): such an amount is never a count.
TOKEN_WORDS = frozenset(["token", "tokens", "tok", "toks", "tkn", "tkns"])
LINK_WORDS = frozenset(["active", "paying", "registered", "concurrent",  # `800 active students`: who they are
                        "tokens", "token", "tok", "toks", "tkns", "tkn", "of", "the", "个", "的", "个token", "=", ":",
                        "new", "visible", "fresh"])  # `1k new in`, `500 visible out`: which tokens, not another part

# Words that carry no meaning for the price, so are skipped rather than asked about.
FILLER = frozenset(
    """maybe probably perhaps another typically usually normally prod production says see sees seeing saw allocated allocate planning qa sys qq feed feeds feeding autocomplete
    a an and are as at be by can could cost costs do does did doing estimate estimated estimates each every for
    fire fires firing sends process processes processing handle handles serve serves
    customer user employee member student exactly precisely we're were come comes job ttl
    translate translating summarize summarise summarizing classify classifying analyze analyse analyzing tag tagging
    extract extracting moderate rewrite rewriting
    from get gets getting got how i if is it's its me much my of on per please pls plz plus s the this tier to
    token tokens tok toks using use used uses what whats what's when will with would you your many tell show give
    about was were there here hi hello hey yo thanks thank thx ty cheers ok okay so just quick question q bot
    gemini-cost geminicost cost? roughly approx approximately around about estimate ballpark rough like we our
    us they need needs want wants going gonna wanna should shall may might let lets let's know say said assume
    assuming spend spending pay paying charge charged charges billed bill bills billing expense expenses
    am im i'm i'd i'll id ill also then than just only more most some any
    lol pls please kindly sir team folks guys hmm um uh oh btw fyi asap prob
    approx. ~ usage used api gemini's google's model's our app service pipeline workload project
    currently roughly typical typically average avg on approx expected expect expecting
    go get getting have has had having do does done make costs cost? price? spend? money
    product gemini mode transcribe transcribing transcription loop it that which where whole part portion averaging average avg stuff kind
    back send sending sent
    keep keeping kept hold holding store stored storing option options choice choices alternative alternatives pick best good suitable
    into through up down workflow agent bot chatbot assistant script app apps feature
    in? one single same it? this? that? will would be been being default
    rag line code review pr implicit explicit diff qps system saas ops pm
    trying try tried running doing sorry dumb silly stupid newbie noob but though basically
    classification categorization categorizing labeling labelling retrieval backfill backfilling migration off
    credits credit visible final actual maybe perhaps kb above below beyond past time someone anyone somebody podcast podcasts
    overnight re ish eng etl research ai ad ads today
    story summary history center centre must ep gen streaming lab paid alive warm thru averages waybill waybills aloud
    extraction extract extracting""".split()
)

#: What a request produces, named in English beside its amount (`feedback ~700 tokens`): the output.
OUTPUT_NOUNS = frozenset(["feedback", "summary", "version", "json", "response", "reply", "answer", "sql", "labels", "tags",
                           "headline", "headlines", "caption", "captions", "translation", "completion", "notes"])  # fmt: skip
#: What a request sends, named beside its amount (`essay ~3k tokens`, `rubric 1k`): a piece of the prompt.
PIECE_NOUNS = frozenset(["essay", "abstract", "report", "doc", "document", "contract", "article", "email", "ticket", "rubric",
                          "instructions", "instruction", "glossary", "schema", "question", "history", "transcript", "page",
                          "resume", "cv", "diff", "note", "text", "kb"])  # fmt: skip

#: Input labels that name the prompt's own text (instructions, a system prompt), not the whole input: content sent
#: beside them is another piece of the input (roles), and images beside them are not in them (images_in).
PROMPT_LABELS = frozenset(["指令", "提示词", "提示", "系统提示", "系统提示词", "prompt", "prompts", "instructions", "instruction", "system"])
#: Things that are recordings: a length said of one is its audio (`voicemails avg 45 sec`, `會議錄音 1 小時`,
#: `播客访谈 20 分钟一段`), as tokens per second of audio (Google's rate), as blind writers priced them.
RECORDINGS = frozenset(["voicemail", "voicemails", "podcast", "podcasts", "voice-over", "voice-overs", "voiceover", "voiceovers",
                        "audiobook", "audiobooks"])  # fmt: skip
#: The same in Chinese, as parts of a word (`会议录音`, `音档`, `新上架播客`).
CJK_RECORDINGS = ("录音", "音档", "播客", "音频", "语音", "音讯")
#: Phone calls are audio only when a length is said right beside them (`10 minute sales calls`, `avg call 8 min`,
#: `每通电话 5 分钟`); elsewhere a call is a request.
PHONE_CALLS = frozenset(["call", "calls", "通话", "电话", "每通", "一通"])
#: Transcribing names audio: a length said of each item is its audio (`transcribe voice-over, 90 seconds per clip`).
TRANSCRIBING = frozenset(["transcribe", "transcribes", "transcribed", "transcribing", "transcription", "transcriptions",
                          "转写", "逐字稿", "转录", "听写", "转文字"])  # fmt: skip

#: The characters Chinese builds its price words from: parts of a request (输入, 回复, 缓存, 思考), media (音频,
#: 图片, 视频), search (搜索, 联网), processing (批量, 优先, 弹性), money (币, 元, 刀, 费), time (天, 月, 小时), calls
#: (调, 跑, 呼), limits (免费, 额度), numerals and negations. A Chinese word the tables do not know is filler (`老板让我
#: 算个账`, `新创`, `手册`) unless it has one of these (`流量费`, `实时`, `微调` are asked about) or stands right
#: beside an amount (`300 名玩家`: what the amount counts). Every price word of the tables has one
#: (tests/pricing/test_price_morphemes.py), so a new synonym of one is asked about rather than skipped.
#: The Chinese negations: they switch an option off (`batch 不用`, `不对`), so a word holding one is never skipped unread,
#: and no reading that drops it is offered (parse).
NEGATION_CHARS = "不没无别"
PRICE_MORPHEMES = frozenset(
    "输入出提示词回复答参缓存储命思推理维音频声视影图像照画搜索联网谷歌接批弹优层嵌向币元块钱刀美金镁镑鎊价费原译"
    "天日月周星年时秒钟晚夜次条则篇笔轮句页封张份件调跑打呼免限额训倍丢塞喂灌进吐吃令生十百千万亿"
    "卢"  # 卢比 (rupees): bound, so 卢 alone (a surname) is no price
    "馈"  # 回馈, 反馈 (feedback, the output): bound
    "正"  # 正文 (the answer's body, the output): bound
    + NEGATION_CHARS
)
#: Of those, the characters that mark a price only with their partner: 理 in 推理 but not in 整理 or 合理, 网 in
#: 联网 but not in 官网, 答 in 回答, 美 in 美金 (`美術素材`), 译 in 译文 but not in 翻译社. An unknown word asks only with a free character, or
#: with a whole price word of the tables (`cjk_price_like`).
BOUND_MORPHEMES = frozenset("原译提示词回复答参命理维声影像照画索联网谷歌接弹优层嵌向美星封打呼训倍吃令生卢馈正")
_FREE_MORPHEMES = PRICE_MORPHEMES - BOUND_MORPHEMES

#: The stems English builds its price words from, the English twin of PRICE_MORPHEMES: parts of a request (input,
#: prompt, output, cache, thinking), media (audio, video, image), processing (batch, flex, priority, search,
#: grounding, embed), money (dollar, yuan, budget, cost, price, fee), time (hour, day, week, month, year, night),
#: limits (free, quota) and sizes of text (words, chars, bytes). An English word the tables do not know is filler
#: (`discord`, `summarizer`, `prototype`) unless it has one of these, is a slip of one edit from a price word or a
#: model word (`flsh`, `usd`), has two letters or fewer (`wk`, `yr`: abbreviations; `qtr`, `sec` are stems), or
#: stands right beside an amount (`40k lines`: what the amount counts). Every price word of WORDS with four letters
#: or more has one (tests/pricing/test_price_morphemes.py), so a new synonym of one is asked about rather than
#: skipped.
PRICE_STEMS = frozenset(
    """input prompt context send sent output complet respon answer repl generated generation back cach hit read storag
    think thought reason audio voice speech record video sec min hour day daily month week year annual quarter night
    resolution return feedback batch flex priorit search ground google yuan renminbi rmb euro dollar rupee buck usd cent budget afford
    cover capped capacit cost pric expens charg bill pay paid spend money fee tax discount subscri plan credit cheap
    free limit quota allowance image pictur photo pic img drawing illustrat embed vector tok tkn request
    million billion thousand percent double twice half extra addition another
    word char byte multimodal modalit second
    sec yr wk mth qtr hr rp tp""".split()
)

#: Words of the model names a slip of which must not pass for filler (`on flsh`). Not `gemini`: the brand
#: names no model, so `gemnini 2.5 flash` loses nothing.
MODEL_WORDS = frozenset(["flash", "lite", "pro", "gemma", "nano", "banana", "imagen", "veo", "embedding", "live", "tts", "preview"])


# Chinese keywords, matched longest first inside each run of Chinese characters.
#: One-character names of languages in a translation pair (`日翻中`, `英译中`).
_LANGUAGE_CHARS = "中英日韩法德俄西葡越泰"
CJK_WORDS: dict[str, str] = {
    **dict.fromkeys(["输入", "提示词", "提示", "入参", "上下文", "prompt", "指令", "进", "入", "文字指令", "系统提示词", "系统提示",
                     "原文"],
                    "label:input"),
    # verbs of putting text into the prompt (`每次塞3万token上下文`, `一次丢进去60万token`)
    **dict.fromkeys(["塞", "塞进", "塞进去", "塞了", "丢", "丢进", "丢进去", "喂", "喂给", "喂进去", "灌", "灌进去", "新输入", "新的输入"],
                    "label:input"),
    **dict.fromkeys(["进去", "进来", "除了缓存", "除缓存外", "除了缓存以外", "再加", "另加"], "skip"),
    **dict.fromkeys(["输出", "回复", "回答", "生成内容", "出参", "出", "返回", "正文输出", "正文", "吐出", "吐", "译文", "回馈", "反馈"], "label:output"),
    **dict.fromkeys(["支出", "出来"], "skip"),
    # a school term or a sports season: a span of no fixed length, so a count in it is its total (`一学期出 60 份`)
    **dict.fromkeys(["学期", "整学期", "赛季", "整个学期", "整个赛季"], "span"),
    # `平均一个咨询来回3轮`, `每天上新 400 个商品`, `一本书切成300段`: how the work goes, no price of their own
    **dict.fromkeys(["来回", "上架", "上新", "切成", "拆成", "分成", "日志", "条款", "条款库"], "skip"),  # (日志: a log, no day; 条款: clauses, no 条 counted)
    # working days, whole (days.py reads them with their count): `一個月算 22 個工作天` never splits at 天
    **dict.fromkeys(["工作天", "个工作天", "工作日", "个工作日", "每个工作天", "每个工作日", "上班日"], "skip"),
    **dict.fromkeys(["缓存命中", "命中缓存", "命中", "缓存读取", "已缓存", "走缓存", "用缓存", "从缓存", "读缓存",
                     "吃到缓存", "吃缓存", "吃到", "缓存的", "是缓存的", "命中了缓存", "打到缓存", "命中率", "缓存命中率"], "label:cached"),
    **dict.fromkeys(["缓存", "上下文缓存", "放缓存", "放在缓存", "放到缓存", "放进缓存", "存缓存", "存在缓存", "存到缓存", "存进缓存",
                     "缓存里", "缓存中"], "label:cache"),
    **dict.fromkeys(["缓存存储", "存储"], "label:storage"),
    **dict.fromkeys(["思考", "推理", "思维", "思考token", "思考过程"], "label:thinking"),
    # a thinking budget is a cap, not the tokens thought: asked about (`思考预算8千`)
    **dict.fromkeys(["思考预算", "思维预算", "思考上限"], "thinking_budget"),
    # thinking switched on or off names no amount (`2.5 pro 开思考，…思考大概4000`, `思考关掉`)
    **dict.fromkeys(["开思考", "开启思考", "打开思考", "思考模式", "开着思考"], "thinking_on"),
    **dict.fromkeys((w for w in PER_LANGUAGE if not w.isascii()), "matter"),  # `每种语言单独一次请求`: how many languages? asked
    **dict.fromkeys(["思考关掉", "关掉思考", "关闭思考", "不开思考", "不思考", "思考关闭", "关思考"], "thinking_off"),
    # `thinking 大概要吃掉 3000 token`: what thinking uses, said with a verb between it and its amount
    **dict.fromkeys(["吃掉", "要吃掉", "会吃掉", "要吃", "吃了"], "link"),
    **dict.fromkeys(["音频", "语音", "声音", "录音"], "label:audio"),
    # a translation's language pair (`日翻中`, `中译英`): 日 is Japanese there, no day
    **dict.fromkeys((a + verb + b for a in _LANGUAGE_CHARS for b in _LANGUAGE_CHARS if a != b for verb in ("翻", "译")), "skip"),
    # other makers' models, whole (`通义千问` holds the numeral 千): named so that the card can say it has no such model
    **dict.fromkeys(["通义千问", "文心一言", "豆包", "讯飞星火", "智谱清言", "混元"], "other_model"),
    # a voice assistant's name: what it is, not audio sent (its tokens said are its text prompt; audio said beside it asks)
    **dict.fromkeys(["语音助手", "语音助理"], "skip"),
    **dict.fromkeys(["视频"], "label:video"),
    **dict.fromkeys(
        ["次请求", "个请求", "次调用", "次", "条请求", "条消息", "条", "篇", "个文档", "份文档", "文档",
         "段", "轮对话", "轮", "个问题", "问题", "笔", "消息", "份文件", "份文档", "个文件", "文件", "份",
         "段文字", "条消息", "文本块", "个文本块", "区块", "个区块", "个块", "段落", "个段落", "片段", "个片段", "条文本", "步", "章节", "个章节",
         "步骤", "个步骤", "封信", "信件"],
        "count",
    ),
    # what a request is called in a product: a conversation, a sentence, a record, an audio file
    **dict.fromkeys(["对话", "次对话", "个对话", "轮", "会话", "次会话", "句", "个句子", "笔", "条记录", "笔记录", "音档", "个音档",
                     "段音频", "条音频", "个音频", "篇文章", "通", "次问答", "组", "页", "封", "封邮件", "邮件", "个订单", "单", "件",
                     "本书", "部", "集", "章", "张表单", "次提问", "个问题", "次查询", "次检索", "个会话", "题", "道题", "场", "场会议",
                     "留言", "则留言", "条留言", "通电话", "份报价单", "报价单", "档案", "个档案", "份档案", "工单", "条工单", "份简历", "履历", "份履历",
                     "简历", "咨询量", "短信", "条短信", "个商品", "件商品", "商品", "期", "期节目"], "count"),
    # Verbs of calling stand before the count (`每天调用2万次`, `请求500次`, `跑2000次`): they say the
    # amount after them is a request count, and a period before them is that count's
    **dict.fromkeys(["调用", "请求", "调", "跑", "发起", "呼叫", "调用量", "请求量", "打", "会打", "打了", "触发", "翻", "翻译", "跑完", "筛", "筛选"], "count_verb"),
    # 打 is also a discount (打五折: half price) and a plan (打算): not calls
    **dict.fromkeys(["打折", "打五折", "打对折", "五折", "半价", "打算", "打包"], "skip"),  # 呼叫 is read as 调用 (TRADITIONAL_WORDS)
    **dict.fromkeys(["次搜索", "个搜索"], "searches"),
    **dict.fromkeys(["则", "则消息", "则请求"], "count"),
    **dict.fromkeys(["每则", "单次调用", "每一则"], "each"),
    # one of them, as a measure word (`一篇文章大概6000 token`, `每句输入150`): per request, never the amount 1
    **dict.fromkeys(["一篇", "一份", "一条", "一笔", "一句", "一段", "一则", "一通", "每句", "每笔", "每个音档", "每段音频", "每条音频",
                     "每次对话", "每轮对话", "每个对话", "每通", "每组", "每篇文章", "每页", "每封", "每封邮件", "每单", "每件", "每个订单",
                     "每集", "每章", "每次提问", "每个问题", "每次查询", "每个会话", "单条", "单篇", "单个请求", "单次请求", "每题", "每道题",
                     "一场", "每场", "每通电话", "每份报价单"], "each"),
    **dict.fromkeys(["用户", "个用户", "位用户", "名用户", "客户", "个客户", "位客户", "员工", "名员工", "个员工",
                     "使用者", "位使用者", "个使用者", "名使用者", "人", "位同事", "同事", "位员工", "会员", "位会员", "名会员",
                     "个会员", "玩家", "名玩家", "学生", "名学生", "粉丝", "订阅者", "位客人", "客人",
                     "个任务", "项任务", "访客", "位访客", "名访客", "老师", "位老师", "个账号", "账号", "个店铺", "家店", "家客户", "家公司",
                     "个学生", "位学生", "个业务", "位业务", "业务员", "个付费用户", "付费用户", "个客户", "个咨询",
                     "家门店", "家分店", "家门市", "家店铺"], "people"),  # `每天跑 300 个任务`, each with its own count of calls; `42家门店，每家店每天80份`
    # daily actives: the amount after the word is people (`日活 2000 人`, `日活1,000，人均每天12次`)
    **dict.fromkeys(["用户量", "用户数", "人数", "日活", "日活跃用户", "日活用户", "日活跃", "月活", "月活跃用户", "月活用户", "在线用户", "活跃用户", "注册用户",
                     "付费用户"], "people_label"),
    **dict.fromkeys(["够跑多少次", "够用多少次", "够多少次", "可以跑几次", "能调用多少次", "够跑几次", "够用几次"], "budget"),
    **dict.fromkeys(["每人", "人均", "每个用户", "每位用户", "每个人", "每位", "每用户", "每位使用者", "每个客户", "一人", "一个人",
                     "每个会员", "每位会员", "每名", "每次任务", "每个任务", "每项任务", "每家", "每个使用者", "每个学生", "每位学生",
                     "每个业务", "每位业务", "一个咨询", "每个咨询", "每家店", "每家门店", "每间店", "每家分店", "每间门市", "每个门店"], "per_person"),
    **dict.fromkeys(["小时", "个小时", "钟头"], "dur:1"),
    "分钟": "dur:1/60",
    **dict.fromkeys(["秒", "秒钟"], "dur:1/3600"),
    "天": "dur:24",
    **dict.fromkeys(["按天算", "按天", "按日", "每天", "每日", "一天", "日均", "每一天", "天天", "一日", "日费", "日成本", "日花费", "当天", "那天", "这天", "那一天",
                     "每晚", "每天晚上", "每个晚上", "每夜", "每一晚", "一晚"], "period:day"),
    **dict.fromkeys(["按月算", "按月", "上个月", "上月", "这个月", "本月", "每月", "每个月", "一个月", "月均", "每一个月", "一月", "月度", "每月份", "月费", "月费用", "月成本", "月花费",
                     "月开销", "月账单", "月支出"], "period:month"),
    **dict.fromkeys(["每分钟", "一分钟"], "period:minute"),
    **dict.fromkeys(["每周", "一周", "每星期", "每年", "一年", "每小时", "一小时", "一个小时", "每秒"], "matter"),
    # a retraction (`一週 ~ 算了就當一天 6 次`): what was said before it may be taken back, so asked (`算了一下` is a sum done)
    **dict.fromkeys(["算了", "算了就当", "算了算了", "不对", "不对不对"], "matter"),
    **dict.fromkeys(["算了一下", "算了下", "计算了", "估算了", "算了算"], "skip"),
    # the last few years (`把过去三年 6千则评论`, `近三年政策文件`): when the things were made, no period of requests
    # unless a period is also said (pairing.collect)
    **dict.fromkeys([f"{before}{n}年" for before in ("过去", "近", "最近", "这") for n in ("两", "二", "三", "四", "五", "六", "七", "八", "九", "十", "二十", "三十", "几", "十几")],
                    "past_years"),
    # a week said as Taiwan and the north say it (`一個禮拜大概處理 3500 件`)
    **dict.fromkeys(["礼拜", "一个礼拜", "每个礼拜", "每礼拜", "一礼拜", "一个星期", "每个星期", "一星期"], "matter"),
    **dict.fromkeys(["批量", "批处理", "批次", "批量模式", "批量处理", "走批"], "batch"),
    **dict.fromkeys(["批了", "批准", "审批", "批下来", "批的"], "skip"),  # `老板批了 200 刀`: approved, not batch
    **dict.fromkeys(["弹性", "弹性层级", "弹性模式", "弹性处理", "弹性服务", "flex层级"], "tier:flex"),
    **dict.fromkeys(["优先", "优先级", "优先层级", "优先处理", "优先模式", "优先服务", "优先通道"], "tier:priority"),
    **dict.fromkeys(["服务层级", "服务等级"], "skip"),
    **dict.fromkeys(["哪家", "哪家最便宜", "各家", "各平台", "哪个平台", "供应商", "各供应商", "平台", "服务商", "各服务商"], "providers"),
    **dict.fromkeys(["联网搜索", "联网", "搜索", "搜寻", "谷歌搜索", "接地", "搜索接地", "grounding", "连网搜寻", "连网搜索", "连网"],
                    "search"),  # 連網 is how Taiwan writes 联网
    **dict.fromkeys(["人民币", "元", "块", "块钱", "rmb"], "cny"),
    **{word: f"fx:{code}" for code, words in CURRENCY_WORDS.items() for word in words if not word.isascii()},
    **dict.fromkeys(["美元", "美金", "刀", "镁", "美元的", "美金的"], "usd"),  # 鎂 is Taiwan chat for US dollars
    **dict.fromkeys(["请求数", "调用次数", "请求次数", "次数"], "count_label"),
    **dict.fromkeys(["能调几次", "几次", "能调", "够多少次", "多少请求", "几个请求", "能发", "能用几次", "能跑几次", "可以跑几次",
                     "能嵌多少", "呼叫几次"], "budget"),
    **dict.fromkeys(["经费", "花费上限", "能扛多少", "扛多少", "能撑多少", "撑多少", "能扛", "能撑", "封顶", "最多花", "只想花", "能花",
                     "控制在", "以内", "不超过", "花得起", "够不够", "够吗", "能支撑", "支撑多少"], "budget"),
    **dict.fromkeys(["预算", "能调用多少次", "能用多少次", "能调用", "够用", "够调用", "够用多少次", "能跑多少次", "可以调用多少次",
                     "能请求多少次"], "budget"),
    **dict.fromkeys(["比一下", "比较一下", "最省钱", "最省", "省钱", "哪个省钱", "比", "一个价", "一样价", "价格一样", "同价"], "compare"),
    # the difference between two models' prices (`3 pro 和 3.1 pro 差多少钱`, `成本会多多少`)
    **dict.fromkeys(["差多少", "差多少钱", "差价", "差别", "差距", "相差", "差几倍", "多多少", "贵多少", "便宜多少", "省多少",
                     "哪个划算", "性价比", "选哪个", "用哪个好", "哪个好", "区别", "差异", "哪个更省", "价差", "各多少",
                     "分别多少", "各自多少", "分别多少钱", "各要多少", "分别是多少", "哪个贵", "哪个更贵", "谁贵", "谁便宜", "比较省"], "compare"),
    **dict.fromkeys(["比较", "对比", "比一比", "所有模型", "最便宜", "哪个便宜", "哪个最便宜", "哪个更便宜", "哪个划算", "更便宜"], "compare"),
    **dict.fromkeys(["价格", "价目", "价目表", "费率", "单价", "定价", "收费标准", "价钱", "报价"], "rates"),
    # `生图怎么收费的，一张图大概多少钱`: how it is charged is the price list (its per-image line answers the one image)
    **dict.fromkeys(["怎么收费", "怎么算钱", "怎么计费", "如何收费", "如何计费", "怎么收钱"], "rates"),
    **dict.fromkeys(["不付费", "不花钱", "白嫖", "免费版"], "free"),
    **dict.fromkeys(["免费额度", "免费层", "免费", "额度", "限额", "限制", "配额", "速率限制", "限流", "免费版", "上限", "不绑卡", "不绑信用卡"],
                    "free"),
    **dict.fromkeys(["能干啥", "干啥", "能干嘛", "可以干嘛", "干嘛", "范例", "有范例吗", "怎么问", "要怎么问"], "help"),
    **dict.fromkeys(["提问", "怎么提问", "干什么的", "是干什么的", "命令", "有什么命令", "能问什么", "格式", "什么格式"], "help"),
    **dict.fromkeys(["帮助", "怎么用", "用法", "说明", "示例", "例子", "能干嘛", "能做什么", "能干什么", "干嘛用", "有什么用", "如何使用",
                     "怎么使用", "使用方法"], "help"),
    # `3 flash 輸出上限幾個 token`, `flash 最多能输入多少token`: the model's limits, no free-tier quota
    **dict.fromkeys(["输出上限", "输入上限", "上下文上限", "最多能输入", "最多输入", "最大上下文", "最多能输出", "最多输出"], "info"),
    # `这个bot咋用啊`, `你能帮我算啥`, `你能算哪些东西`: how to ask the bot
    **dict.fromkeys(["咋用", "咋用啊", "算啥", "能算啥", "能算什么", "能算哪些", "算哪些", "要给你啥", "需要什么信息", "要哪些信息", "怎么让你算"], "help"),
    **dict.fromkeys(
        ["上下文窗口", "上下文长度", "窗口", "状态", "下线", "停用", "弃用", "淘汰", "还能用", "能用吗", "继任", "替代", "多模态",
         "模态", "支持", "发布", "停服", "关停", "退役", "最大输出", "信息", "最多", "正式版", "预览版", "还能调用", "还可以调用",
         "能调用吗", "可以调用吗", "门槛",
         "知识截止", "截止日期", "知识截止日期", "训练截止", "数据截止", "训练数据截止", "最多可以输出", "最多输出"],
        "info",
    ),
    **dict.fromkeys(["公开"], "public"),
    **dict.fromkeys(["模型"], "model_kw"),
    **dict.fromkeys(["每份", "每段", "每块", "每个块", "每个片段", "每个区块", "每个段落"], "each"),
    **dict.fromkeys(["每次", "每个请求", "单次", "每条", "每个", "每篇", "每轮", "每次请求", "每次调用", "一次", "每步", "每个步骤", "每封信"], "each"),
    **dict.fromkeys(["总共", "一共", "合计", "总计", "总量", "总", "加起来", "加在一起", "一起算"], "total"),
    # amounts no one can price: several thousand, tens of thousands
    **dict.fromkeys(["几千", "几万", "几百", "几十", "几十万", "几百万", "上千", "上万", "数千", "数万", "好几千", "好几万",
                     "成千上万", "一整本", "一整本书", "一整个", "一整套"], "matter"),
    **dict.fromkeys(["嵌入", "向量化", "向量", "embedding"], "embed"),
    **dict.fromkeys(["图片", "图像", "张图", "张图片", "幅图", "图", "照片", "张照片", "画图", "插图", "张"], "images"),
    **dict.fromkeys(["画", "生成", "生图", "出图", "做", "产生"], "make"),
    **dict.fromkeys(["通过"], "via"),
    **dict.fromkeys(["含", "包含", "包括", "其中包括"], "part"),
    **dict.fromkeys(["换成", "改成", "换", "改用", "如果用", "要是用", "那", "呢"], "followup"),
    **dict.fromkeys(["是", "为", "走", "占", "占了"], "link"),
    **dict.fromkeys(["里面", "当中", "之中", "里头", "算在", "算进", "包含在", "含在"], "part"),
    **dict.fromkeys(["不含", "不含在", "不包含", "不包括", "不算在", "不计入", "不算"], "skip"),  # not a part: on top
    **dict.fromkeys(["比较保险", "比较好", "比较稳", "比较安全", "比较准", "比较合理", "比较多", "比较少", "比较贵"], "skip"),
    # worth it, cheaper: a comparison when two models are named, else how one option pays (`快取要放多久比較划算`)
    **dict.fromkeys(["划算", "比较划算", "更划算", "更省钱", "划不划算", "值不值"], "value"),  # `输出 1200（里面思考 900）`  # `其中思考占1万`: the share is the amount
    **dict.fromkeys(["乘以", "乘"], "times_sign"),
    **dict.fromkeys(["多少钱", "多少费用", "要多少钱", "花多少钱", "多少錢", "花多少", "要花多少", "大概多少钱", "大约多少钱", "得多少钱",
                     "需要多少钱", "一共多少钱", "总共多少钱", "几块钱", "多少刀", "几美金", "多少美金", "多少美元", "烧多少", "烧多少钱",
                     "要烧多少", "几毛钱", "能花几毛钱", "能花多少钱", "能花多少", "几块美金", "几块美元"], "price_q"),  # (`一个月能花几毛钱`: what it costs, no budget)
    **dict.fromkeys(["其中", "的部分"], "part"),
    **dict.fromkeys(["还是", "或者", "或", "对比一下"], "alt"),
    # words with a numeral in them that are not amounts
    **dict.fromkeys(["一下", "一些", "一起", "一样", "一般", "一点", "万一", "统一", "一直", "一个", "一款", "一种", "一句", "一遍", "一对一",
                     "零件", "零配件", "零售", "零食", "零钱", "零星", "零散", "零碎", "零工", "零基础", "千万别"], "skip"),
}

#: Chinese words and characters that do not change a price: skipped, never asked about.
CJK_FILLER = frozenset(
    """多出 多出来 出院 入院 换算成 折合成 换算 折合 意图 年底 年初 特别长 没量 答疑 解析 赠金 爬 优化 写 没什么 没啥 没多少 天气 天气预报 这块 那块 这一块 推文 周报 帖子 撑死 撑死了 顶多 顶天 最多也就 的钱 往多了算 往多算 往高了算 保守算 保守点 保守估计 取个中间值 取中间值 中间值 中間值 的 了 吗 嘛 吧 啊 呀 哦 哈 用 要 整 整整 今天 明天 昨天 挂 挂着 常驻 开着 放着 留着 高峰 尖峰 平峰 离峰 低峰 早高峰 晚高峰 午高峰 高峰期 峰值 台风天 比赛 比分 赛后 球赛 赛事 文本 查 搜 正好 刚好 恰好 够 够跑 能跑 摘要 做摘要 聊 聊天 发 发送 开 开了 有开 开启 打开
    谷歌 共 需要 大概 大约 约 左右 请问 请 你好 您好 谢谢 多谢 感谢 多少钱 多少 钱 费用 成本 花费 花 费
    算 算一下 帮我 帮忙 计算 估算 估计 预估 如果 的话 是 在 和 跟 与 及 以及 还有 加上 加 个 我 我们 你 您 他 它 这 那个 这个 一个
    如何 怎么 怎样 什么 可以 能 会 得 就 都 也 还 再 按 按照 算下 看看 看下 问下 问一下 下 大家 团队 项目 服务 应用 程序 机器人 小助手
    助手 api 接口 模型的 跑一次 调一下 用量 使用 使用量 消耗 花多少 贵 贵吗 便宜吗 要钱 收费 收费吗 计费 怎么算 每 对 给
    需 时 时候 假设 比如 例如 大 小 长 短 左 右 上 下 中 内 外 后 前 多 少 有 没有 没 哪些 哪 为 为了 让 把 被 从 到 至 之 其 该 此
    便宜 带 存 保存 保留 存放 嗨 哈喽 哈啰 啰 重复 平均 转写 转录 模式 搭配 文字 搭 配合 使用 调用量 大约是
    先 然后 最后 一下子 吧 呗 啦 咯 么 哇 嗯 额 诶 喂 好 好的 行 ok 谢 辛苦 麻烦 劳驾 拜托 求 问 想 想问 想知道 知道 告诉 告诉我
    客服 程式 应用程式 应用程序 机器人 聊天机器人 产品 网站 小程序 公司 另外 额外 此外 默认 预设 默认的 下来 算下来
    大佬 老师 同学 兄弟 各位 一共要 要多少 需要多少 得多少 大概多少 个token token tokens 单位 模型 的话呢 呢 进行 处理 任务
    不好意思 请教 请教一下 请教下 咨询 咨询一下 估 估一下 估个价 估价 估算一下 算个账 算账 账 老板 老板让我 老板说 领导 老大 们 早 早安
    选 选用 选择 选的 预计 会 全部 全都 这样 那样 点 一点点 不指定 默认的就行 就行 默认就行 付 要付 各 分别 各自 对岸 那边 这边
    账单 帐单 花销 开销 开支 全部加起来 总费用 费用会 成本会 大概会
    翻译 翻译工具 分类 做分类 代码评审 评审 审查 问答 知识库 文章 转向量 逐字稿 场景 需求 语音转文字 文字
    外加 另算 另计 另有 额外的 平均 差不多 将近 接近 上下 区间 范围 想 想估 想算 算算 给 拿 放 存 问 它
    超过 超出 超过了 大于 高于 是不是 更贵 会不会 几 里 只 只有 手上 手上只有 同样 同样的 东西 一样的 储存费 存储费 储存
    在吗 问一下 想问一下 打扰一下 打扰 麻烦问下 麻烦 求助 求问 小白 小白求问 新手 新手求问 萌新 有大佬知道 有人知道 谁知道 帮忙看看
    帮我看看 帮我算算 帮算一下 帮算 算算 预估一下 粗算 粗略 大致算一下 大致 简单算下 简单 测算 核算 那么 这么 如果说 假如 比方说
    应该 可能 目前 现在 现阶段 准备 计划 想要 能不能 可不可以 是否 有没有 到底 究竟 通常 平时 正常 实际 其实 就是 主要 主要是
    基本 基本上 大部分 消费 扣费 智能客服 系统 插件 工具 脚本 工作流 流水线 智能体 打标签 标注 审核 内容审核 代码审查 代码补全
    写代码 文案 标题 生成文案 写作 改写 润色 提取 抽取 信息抽取 识别 检索 推荐 陪聊 教育 辅导 批改 作文 业务 线上 上线 生产环境 测试
    环境 科室 上午 下午 中午 傍晚 有限 推播 限动 发票 诉求 日报 舆情 分众 切片 我方 我司 公司里 团队里 估摸 合计一下 统计 请帮忙 多谢了 谢啦 感谢感谢 先谢了
    家 新增 档 那档 这档 价 不高 因该 小弟 情绪分析 拆成 收 新创 抓 数字 烧 可以烧 显式 隐式 期间 这期间 除了 单独 单独算 开着 确认
    想确认 小红书 评估 在评估 起来 面试题 生成器 验一下 凌晨 纠结 结构化 回 专题 学生专题 站内 站内搜索 站内搜寻 会议 会议录音 录音
    破 会破 突破 总结 总结一下 做总结 周报总结 ai 很 市场 市场部 同一个 同一 接待 周报 弹幕 交 人设 接入 对接 想接 接 理论上
    一次性 一本 一套 一部 话术 助理 计划 计画 全校 全年级 全班 全公司 全部门 明年 今年 去年 要接 周末 周末玩 读 这个量 按这个量 质检 检索 一批 一批数据 这批 那批 这一批 那一批 这段时间 这段时间内 时间内 这期间内 喔 欸 齁 剩 就剩 手上剩 光 那种 这种 跑完 全部跑完 转 课题 课题组 课题经费 一本书 一枚 书 校对 校稿
    考虑 考虑要不要 推送 实验室 师生 全校师生
    全天 不停 不间断 全天候 维持 会维持 持续 第一天 固定 固定的 不变 做成 记忆 对话记忆 病人 患者 打满 用满 跑满 吃满
    主图 传 上传 手写 拍照 拍的 合规 不合规 不急 不着急 不赶 不赶时间 其余时间 其他时间 其他时段 其余时段 学生党
    所以 所以约 所以大概 讲 说 口述 病历 病历草稿 不要爆 爆预算 不用即时 即时啦 整天平均 整天平均下来 已 已经 电商平台 平台上 晚上 夜间 夜里 晚间 放夜间 半夜
    而已 本身 比对 比对一下 评价 差评 好评 外卖评价 商家评价 带图评价 评价回复 评论区 短视频 短视频脚本 视频号
    比较均匀 比较平均 比较稳定 比较平稳 比较固定""".split()  # `全天比较均匀`: fairly even, no comparison  # (`每小时 3000 条，全天`: pricing.query.hourly reads the rate)
)

#: Slips of a pinyin keyboard that land on a keyword's sound (`一个越` for 一个月, `调佣` for 调用, `输如` for
#: 输入): read as the keyword, since the sound is what was meant.
IME_SLIPS = {"一个越": "一个月", "每越": "每月", "调佣": "调用", "输如": "输入", "书出": "输出", "多少前": "多少钱", "缓村": "缓存",
             "美天": "每天", "掉用": "调用", "换存": "缓存", "每越的": "每月的", "一个玥": "一个月", "每玥": "每月", "品均": "平均",
             "预箅": "预算", "依个月": "一个月", "依天": "一天", "一个乐": "一个月"}  # fmt: skip

#: Taiwan wording that differs beyond single characters (applied after the characters are folded to
#: Simplified by `script.simplified_chars`, so a key may be written in either script).
TRADITIONAL_WORDS = {"呼叫": "调用", "文件": "文件", "程式碼": "代码", "視窗": "窗口", "支援": "支持", "正式版": "正式版", "快取": "缓存",
                     "批次": "批量", "影片": "视频", "音訊": "音频", "訊息": "消息", "語音訊息": "语音消息", "資料": "数据", "請求": "请求", "回覆": "回复", "彈性": "弹性"}  # fmt: skip


_LETTERS = "abcdefghijklmnopqrstuvwxyz"
#: One letter more than this and a word cannot be a keyword with one slip (its edits cost n x 26 strings).
_LONGEST_WORD = max(map(len, WORDS))


def cjk_price_like(word: str) -> bool:
    """An unknown Chinese word that may change a price: it has a free price character (`流量费`, `实时`, `微调`,
    `不用`), or holds a whole price word of the tables (`联网版`); `整理`, `官网`, `美術` have bound ones only."""
    if set(word) & _FREE_MORPHEMES:
        return True
    return any(w in word for w in _CJK_PRICE_WORDS)


@lru_cache(maxsize=4096)
def correct_typo(word: str, min_len: int = 5) -> str | None:
    """The keyword ``word`` misspells by one letter (inserted, dropped, swapped or changed), for
    keywords of ``min_len``+ letters; None when there is none or two fit equally well.

    A dropped letter is the likeliest slip (`cachd` is `cached`, not `cache`), then a swap, a wrong
    letter, an extra letter: the first kind with exactly one keyword wins.
    """
    if not min_len - 1 <= len(word) <= _LONGEST_WORD + 1 or word in WORDS or not word.isalpha():
        return None  # a word longer than any keyword plus one letter misspells none: never build its edits
    n = len(word)
    kinds = (
        {word[:i] + ch + word[i:] for i in range(n + 1) for ch in _LETTERS},  # a letter was dropped
        {word[:i] + word[i + 1] + word[i] + word[i + 2 :] for i in range(n - 1)},  # two were swapped
        {word[:i] + ch + word[i + 1 :] for i in range(n) for ch in _LETTERS if ch != word[i]},  # one is wrong
        {word[:i] + word[i + 1 :] for i in range(n)},  # one is extra
    )
    for candidates in kinds:
        found = {c for c in candidates if len(c) >= min_len and c in WORDS}
        if len(found) == 1:
            fixed = found.pop()
            # `leads`, `makes` are words of their own, not slips for `reads`, `takes`; `chunk` is `chunks`
            return fixed if fixed in (word + "s", word[:-1]) or not is_common_word(word) else None
        if found:
            return None
    return None


#: Roles of WORDS that change a price wherever the word stands (counts and calling verbs matter beside an
#: amount, and a word beside an amount is asked about whatever it is).
PRICE_ROLES = ("label:", "tier:", "fx:", "dur:", "period:", "batch", "search", "cny", "usd", "images", "embed", "searches",
               "thinking_on", "thinking_off", "thinking_budget", "budget", "free", "limit:", "matter")  # fmt: skip
_CJK_PRICE_WORDS = frozenset(w for w, role in CJK_WORDS.items() if role.startswith(PRICE_ROLES) and len(w) >= 2)
_PRICE_WORDS = frozenset(w for w, role in WORDS.items() if role.startswith(PRICE_ROLES) and len(w) >= 3) | MODEL_WORDS


def one_edit(a: str, b: str) -> bool:
    """``a`` and ``b`` differ by one letter inserted, dropped, changed, or two swapped."""
    if abs(len(a) - len(b)) > 1 or a == b:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]])
    short, long = (a, b) if len(a) < len(b) else (b, a)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))


def near_model_word(word: str) -> bool:
    """`flsh`, `lte`: one slip from a word of a model's name (asked about, never skipped as a product name)."""
    return (word.isalpha() and len(word) >= 3 and word not in MODEL_WORDS and not is_common_word(word)
            and any(one_edit(word, w) for w in MODEL_WORDS if len(w) >= 4))


@lru_cache(maxsize=4096)
def price_like(word: str, *, written: bool = False) -> bool:
    """An English word the tables do not know may change the price: it is short (an abbreviation), holds a
    price stem (PRICE_STEMS), or is one slip from a price word or a model word. A common word is written on
    purpose (english.py): `audit` is no slip of `audio`. A ``written`` word (english.is_english_word) holds a stem only
    at its start, as a common one does."""
    if word.endswith(("'s", "’s")) and word[:-2].isalpha() and len(word) > 4:
        word = word[:-2]  # `player's`: the word's own stem decides
    common = is_common_word(word)
    on_purpose = common or written
    # (a common word holds a stem only at its start: `discharge` is no charge, `planting` still asks; a rarer word
    # of the language too, but it may still be a slip: `mig` is a word, and one letter from `min`)
    return len(word) <= 2 or not word.isalpha() or any(stem in word and (not on_purpose or _grown_from(word, stem)) for stem in PRICE_STEMS) or (
        not common and any(one_edit(word, w) for w in _PRICE_WORDS))


#: Short stems of time and money, which open words of time and money whatever ending follows (`weekend`, `payment`,
#: `billable`, `taxable`, `pricey`; not `char`: `charity`, `chart`).
_ALWAYS_STEMS = frozenset(["day", "week", "year", "hour", "min", "sec", "night", "wk", "yr", "hr", "mth", "qtr",
                           "pay", "paid", "bill", "tax", "fee", "pric", "cost", "cent", "buck", "usd", "rmb"])
#: Endings that keep a word the stem's own (`taxes`, `planned`, `hourly`), not another word made from it.
_INFLECTIONS = ("", "s", "es", "ed", "d", "ing", "ly", "y", "ies")


def _grown_from(word: str, stem: str) -> bool:
    """A word written on purpose holds a stem at its start. A longer stem (five letters or more) is cut to match its
    words (`storag`, `respon`) and holds at any ending; so do the short stems of time and money. Another short stem
    (four letters or fewer: `plan`, `back`, `read`, `cach`) must end the word but for an inflection (`planning`,
    `caching`): `backlog` and `planner` are other words."""
    if not word.startswith(stem):
        return False
    if len(stem) > 4 or stem in _ALWAYS_STEMS:
        return True  # (`weekend`, `minutes`, `payment`, `billable`, `pricey`: time and money whatever follows)
    rest = word[len(stem) :]
    if rest[:1] and rest[:1] == stem[-1:]:
        rest = rest[1:]  # `planning`, `planned`: the consonant doubled before the ending
    return rest in _INFLECTIONS
