"""Model names as people type them, through the real parser: ids, genai-prices' match rules, spoken
forms in any order and case; unknown names refused with the whole name typed."""

from __future__ import annotations

import pytest

from bot.answers.answerer import Answerer
from pricing import Ambiguous, PriceBook, UnknownModel, parse_query
from pricing.models import model_words

# Spoken forms: (as typed, the model it means). Ids and their spellings are generated below.
SPOKEN: list[tuple[str, str]] = [
    # the examples
    ("pro 3.1", "gemini-3.1-pro-preview"),
    ("Flash-Lite 2.5", "gemini-2.5-flash-lite"),
    ("Gemini 3 Flash", "gemini-3-flash-preview"),
    ("gemini 4 argon", "gemini-4-argon"),
    ("argon", "gemini-4-argon"),
    ("Argon", "gemini-4-argon"),
    ("3.1 flash lite", "gemini-3.1-flash-lite"),
    ("embedding 2", "gemini-embedding-2"),
    ("nano banana", "gemini-2.5-flash-image"),
    # version and family in either order, any case, with or without gemini
    ("3.1 pro", "gemini-3.1-pro-preview"),
    ("Gemini 3.1 Pro", "gemini-3.1-pro-preview"),
    ("gemini pro 3.1", "gemini-3.1-pro-preview"),
    ("3.1-pro", "gemini-3.1-pro-preview"),
    ("3 pro", "gemini-3-pro-preview"),
    ("pro 3", "gemini-3-pro-preview"),
    ("2.5 pro", "gemini-2.5-pro"),
    ("pro 2.5", "gemini-2.5-pro"),
    ("Gemini 2.5 Pro", "gemini-2.5-pro"),
    ("2.5 flash", "gemini-2.5-flash"),
    ("flash 2.5", "gemini-2.5-flash"),
    ("2.5 flash lite", "gemini-2.5-flash-lite"),
    ("2.5 flash-lite", "gemini-2.5-flash-lite"),
    ("flash lite 2.5", "gemini-2.5-flash-lite"),
    ("2.0 flash", "gemini-2.0-flash"),
    ("flash 2.0", "gemini-2.0-flash"),
    ("2.0 flash lite", "gemini-2.0-flash-lite"),
    ("3 flash", "gemini-3-flash-preview"),
    ("flash 3", "gemini-3-flash-preview"),
    ("3.5 flash", "gemini-3.5-flash"),
    ("Gemini 3.5 Flash", "gemini-3.5-flash"),
    ("3.5 flash lite", "gemini-3.5-flash-lite"),
    ("Flash-Lite 3.5", "gemini-3.5-flash-lite"),
    ("3.6 flash", "gemini-3.6-flash"),
    ("3.7 flash", "gemini-3.7-flash"),
    ("flash 3.8", "gemini-3.8-flash"),
    ("Gemini 3.1 Flash Lite", "gemini-3.1-flash-lite"),
    ("flash lite 3.1", "gemini-3.1-flash-lite"),
    ("gemini 3.1 flash-lite", "gemini-3.1-flash-lite"),
    ("4 argon", "gemini-4-argon"),
    ("argon 4", "gemini-4-argon"),
    ("GEMINI 4 ARGON", "gemini-4-argon"),
    ("embedding", "gemini-embedding-001"),
    ("embeddings", "gemini-embedding-001"),
    ("embedding 001", "gemini-embedding-001"),
    ("gemini embedding 2", "gemini-embedding-2"),
    ("Embedding 2", "gemini-embedding-2"),
    # image, speech, Live and other models
    ("nano banana pro", "gemini-3-pro-image-preview"),
    ("nano banana 2", "gemini-3.1-flash-image-preview"),
    ("nano banana 2.1", "gemini-nano-banana-2.1"),
    ("3.1 flash image", "gemini-3.1-flash-image-preview"),
    ("flash image 3.1", "gemini-3.1-flash-image-preview"),
    ("3 pro image", "gemini-3-pro-image-preview"),
    ("2.5 flash image", "gemini-2.5-flash-image"),
    ("3.1 flash lite image", "gemini-3.1-flash-lite-image"),
    ("2.5 flash tts", "gemini-2.5-flash-tts"),
    ("2.5 pro tts", "gemini-2.5-pro-tts"),
    ("tts 2.5 pro", "gemini-2.5-pro-tts"),
    ("3.1 flash tts", "gemini-3.1-flash-tts-preview"),
    ("3.8 flash tts", "gemini-3.8-flash-tts"),
    ("3.8 flash lite tts", "gemini-3.8-flash-lite-tts"),
    ("2.5 flash lite preview tts", "gemini-2.5-flash-lite-preview-tts"),
    ("3.8 live", "gemini-3.8-live"),
    ("live 3.8", "gemini-3.8-live"),
    ("3.1 flash live", "gemini-3.1-flash-live-preview"),
    ("live 2.5 flash", "gemini-live-2.5-flash"),
    ("omni 1.1 flash", "gemini-omni-1.1-flash"),
    ("robotics er 2", "gemini-robotics-er-2-preview"),
    ("robotics er 2 streaming", "gemini-robotics-er-2-streaming-preview"),
    ("1.5 pro", "gemini-1.5-pro"),
    ("1.5 flash", "gemini-1.5-flash"),
    ("flash 1.5 8b", "gemini-flash-1.5-8b"),
    # the names the card keeps for the newest ones
    ("pro", "gemini-3.1-pro-preview"),
    ("flash", "gemini-3.8-flash"),
    ("gemini flash", "gemini-3.8-flash"),
    ("flash-lite", "gemini-3.5-flash-lite"),
    ("lite", "gemini-3.5-flash-lite"),
    # genai-prices' match rules: dated and pinned variants, -latest names, the API's models/ prefix
    ("gemini-pro-latest", "gemini-3.1-pro-preview"),
    ("gemini-flash-latest", "gemini-3.8-flash"),
    ("gemini-flash-lite-latest", "gemini-3.5-flash-lite"),
    ("gemini-2.5-flash-preview-09-2025", "gemini-2.5-flash"),
    ("gemini-2.5-flash-latest", "gemini-2.5-flash"),
    ("gemini-2.5-flash-preview-05-20", "gemini-2.5-flash-preview"),
    ("gemini-2.5-flash-lite-preview-06-17", "gemini-2.5-flash-lite"),
    ("gemini-2.5-pro-preview-06-05", "gemini-2.5-pro"),
    ("gemini-3.1-pro-preview-customtools", "gemini-3.1-pro-preview"),
    ("gemini-3-flash-preview-12-2025", "gemini-3-flash-preview"),
    ("gemini-3.5-flash-20261001", "gemini-3.5-flash"),
    ("gemini-4-argon-preview-11-2026", "gemini-4-argon"),
    ("gemini-4-argon-20261201", "gemini-4-argon"),
    ("gemini-2.0-flash-001", "gemini-2.0-flash"),
    ("gemini-2.0-flash-exp", "gemini-2.0-flash"),
    ("gemini-1.5-pro-002", "gemini-1.5-pro"),
    ("gemini-1.5-flash-002", "gemini-1.5-flash"),
    ("gemini-embedding-2-preview", "gemini-embedding-2"),
    ("gemini-2.5-flash-preview-tts", "gemini-2.5-flash-tts"),
    ("gemini-2.5-flash-native-audio-latest", "gemini-live-2.5-flash"),
    ("gemini-3-pro-image", "gemini-3-pro-image-preview"),
    ("gemini-3.1-flash-image", "gemini-3.1-flash-image-preview"),
    ("gemini-2.5-flash-image-preview", "gemini-2.5-flash-image"),
    ("gemini-3.1-flash-lite-preview", "gemini-3.1-flash-lite"),
    ("models/gemini-2.5-flash", "gemini-2.5-flash"),
    ("models/gemini-pro-latest", "gemini-3.1-pro-preview"),
    ("models/gemini-3.1-flash-lite", "gemini-3.1-flash-lite"),
    ("gemini-1.0-pro", "gemini-pro"),
]


def _id_spellings(book: PriceBook) -> list[tuple[str, str]]:
    """Every id on the card as typed five ways: itself, upper case, underscores, spaces, models/ prefix.

    Typed with spaces, `gemini` is the product's name and the words after it name the model as they
    do alone: `gemini pro` is "pro", the current Pro, not the retired `gemini-pro` (1.0)."""
    forms = []
    for m in book.card.models:
        spaced = m.id.replace("-", " ")
        bare = book.name_index.lookup(tuple(spaced.split()[1:]))
        forms += [
            (m.id, m.id),
            (m.id.upper(), m.id),
            (m.id.replace("-", "_"), m.id),
            (spaced, bare or m.id),
            (f"models/{m.id}", m.id),
        ]
    return forms


def test_gemini_and_a_space_is_the_product_name(book: PriceBook) -> None:
    assert _model_of(book, "gemini pro") == _model_of(book, "pro") == "gemini-3.1-pro-preview"
    assert _model_of(book, "Gemini Pro") == "gemini-3.1-pro-preview"
    assert _model_of(book, "gemini-pro") == _model_of(book, "gemini_pro") == "gemini-pro"
    assert _model_of(book, "gemini flash") == _model_of(book, "flash")


def test_the_table_is_big_and_covers_every_multi_part_id(book: PriceBook) -> None:
    forms = SPOKEN + _id_spellings(book)
    assert len(SPOKEN) >= 100 and len(forms) >= 150
    multi_part = {m.id for m in book.card.models if len(model_words(m.id)) > 2}
    assert multi_part <= {model for form, model in forms if form == model}


def _model_of(book: PriceBook, typed: str) -> str | None:
    query = parse_query(f"10k in 1k out on {typed}", book)
    return query.model.id if query.model else None


@pytest.mark.parametrize(("typed", "model_id"), SPOKEN)
def test_spoken_forms_in_an_estimate(book: PriceBook, typed: str, model_id: str) -> None:
    assert _model_of(book, typed) == model_id


@pytest.mark.parametrize(("typed", "model_id"), SPOKEN)
def test_spoken_forms_by_name_alone(book: PriceBook, typed: str, model_id: str) -> None:
    assert book.resolve(typed).id == model_id


def test_every_id_spelling_in_an_estimate(book: PriceBook) -> None:
    wrong = [(typed, _model_of(book, typed), model_id) for typed, model_id in _id_spellings(book)
             if _model_of(book, typed) != model_id]
    assert wrong == []


def test_the_name_comes_before_or_after_the_amounts(book: PriceBook) -> None:
    assert parse_query("gemini 3.1 flash lite 5k in 1k out", book).model.id == "gemini-3.1-flash-lite"  # type: ignore[union-attr]
    assert parse_query("300k in 10k out on gemini-4-argon", book).model.id == "gemini-4-argon"  # type: ignore[union-attr]


def test_embedding_2_is_the_model_not_two_tokens(book: PriceBook) -> None:
    query = parse_query("embedding 2 pricing", book)
    assert (query.intent, query.model.id) == ("rates", "gemini-embedding-2")  # type: ignore[union-attr]


@pytest.mark.parametrize(
    "typed",
    [
        "gemini-9-ultra",
        "gemini-9-ultra-preview-09-2025",
        "gemini-3.1-flash-lite-ultra-max",
        "gemini-embedding-7",
        "gemini-2.5-mega",
        "models/gemini-9-pro",
    ],
)
def test_an_unknown_model_is_refused_with_the_whole_name_typed(book: PriceBook, typed: str) -> None:
    with pytest.raises(UnknownModel) as err:
        parse_query(f"1M in 50k out on {typed}", book)
    assert err.value.ref == typed


def test_an_unknown_name_typed_with_spaces_is_shown_whole(book: PriceBook) -> None:
    with pytest.raises(UnknownModel) as err:
        parse_query("1M in 50k out on gemini 9 ultra", book)
    assert err.value.ref == "gemini 9 ultra"


def test_an_old_stored_alias_of_hundreds_of_words_does_not_lengthen_the_look_ahead(raw_card: dict) -> None:  # type: ignore[type-arg]
    from pricing import parse_card
    from pricing.model_names import MAX_NAME_WORDS

    # a card version stored before aliases were bounded (issue 10 item 5): the alias is unusable, not slow
    raw_card["models"][0]["aliases"] = [" ".join(["word"] * 400)]
    book = PriceBook(parse_card(raw_card))
    assert book.max_name_words <= MAX_NAME_WORDS
    with pytest.raises(Ambiguous):  # the words are not a name any more, so they are asked about
        parse_query("1M in 50k out " + "word " * 400, book)


# --- a generation named without a model -----------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "models"),
    [
        ("1M in 50k out on gemini 2.5", ["gemini-2.5-pro", "gemini-2.5-flash", "gemini-2.5-flash-lite"]),
        ("Gemini-2.5 1M in 50k out", ["gemini-2.5-pro", "gemini-2.5-flash", "gemini-2.5-flash-lite"]),
        # "Gemini 3" is every 3.x release: the newest of each tier, not the first 3.0 preview
        ("how much is gemini 3 for 1M input and 50k output", ["gemini-3.1-pro-preview", "gemini-3.8-flash", "gemini-3.5-flash-lite"]),
        ("输入100万 输出5万 用gemini 3", ["gemini-3.1-pro-preview", "gemini-3.8-flash", "gemini-3.5-flash-lite"]),
        ("gemini 3.1 輸入100萬 輸出5萬", ["gemini-3.1-pro-preview", "gemini-3.1-flash-lite"]),
    ],
)
def test_a_generation_is_asked_about_with_one_reading_per_tier(book: PriceBook, question: str, models: list[str]) -> None:
    with pytest.raises(Ambiguous) as err:
        parse_query(question, book)
    assert err.value.reason == "model_generation"
    read = [parse_query(reading, book) for reading in err.value.readings]
    assert [q.models[0].id for q in read] == models
    assert all(q.usage is not None and q.usage.input_tokens == 1_000_000 for q in read)


@pytest.mark.parametrize("question", ["do grounded prompts cost extra on gemini 3", "Gemini 3 的搜索按什么计费"])
def test_a_topic_question_on_a_generation_is_answered_for_its_top_model(book: PriceBook, question: str) -> None:
    query = parse_query(question, book)
    assert (query.intent, query.topic, [m.id for m in query.models]) == ("topic", "grounding", ["gemini-3.1-pro-preview"])


def test_a_free_tier_question_on_a_generation_keeps_its_limit_in_every_reading(book: PriceBook) -> None:
    with pytest.raises(Ambiguous) as err:
        parse_query("gemini 2.5 free tier rpm", book)
    read = [parse_query(reading, book) for reading in err.value.readings]
    assert [(q.intent, q.limit) for q in read] == [("free_tier", "rpm")] * 3


def test_a_generation_with_one_model_is_that_model(book: PriceBook) -> None:
    query = parse_query("what's the price of gemini 4", book)
    assert [m.id for m in query.models] == ["gemini-4-argon"]


def test_a_generation_the_card_does_not_know_is_still_an_unknown_model(book: PriceBook) -> None:
    with pytest.raises(UnknownModel) as err:
        parse_query("1M in 50k out on gemini 9", book)
    assert err.value.ref == "gemini 9"


@pytest.mark.parametrize(
    ("typed", "model_id"),
    [
        ("2.5 falsh 輸入 3000 輸出 800 每天 2 萬次", "gemini-2.5-flash"),
        ("口播稿改写 一天两千条 in 1.2k out 1k 2.5 flsah 一天多少钱", "gemini-2.5-flash"),
        ("2.5 flahs lite 5k in 1k out", "gemini-2.5-flash-lite"),
        ("二点五flash 输入八千 输出一千二 每天三千次 每个月多少钱", "gemini-2.5-flash"),
    ],
)
def test_a_model_word_mistyped_after_its_version_names_the_model(answerer: Answerer, typed: str, model_id: str) -> None:
    reply = answerer.answer(typed, "en")
    assert reply.intent == "estimate", reply.plain
    assert reply.data["model"] == model_id


def test_an_english_word_after_a_number_is_no_model_slip(answerer: Answerer) -> None:
    assert answerer.answer("3 lift 5k in 1k out", "en").intent != "estimate"


@pytest.mark.parametrize(
    ("question", "ref"),
    [
        # other makers' models named in Chinese: refused as unknown models, never their numbers read as amounts
        ("通义千问 输入1万 输出1千", "通义千问"),
        ("文心4.0和2.5 flash比一下 in 2k out 500", "文心4.0"),
        ("豆包和2.5 flash哪个便宜，输入2千输出500", "豆包"),
        ("kimi 1M in 50k out", "kimi"),
        ("混元 vs 2.5 flash，输入1万 输出1千", "混元"),
    ],
)
def test_other_makers_models_are_unknown_models(book: PriceBook, question: str, ref: str) -> None:
    with pytest.raises(UnknownModel) as err:
        parse_query(question, book)
    assert err.value.ref == ref


def test_a_name_joined_to_gemini_is_no_model_of_the_api(book: PriceBook) -> None:
    # `Med-Gemini`, `Sec-Gemini`: research models; `gemini` alone is the product and names none
    with pytest.raises(UnknownModel) as err:
        parse_query("Sec-Gemini 1k in 200 out, 300 a day", book)
    assert err.value.ref == "sec-gemini"
    # spaced (`Med Gemini`): it had been priced on the default model (wrong at the start too)
    with pytest.raises(UnknownModel) as err:
        parse_query("how much is Med Gemini for 1k in 200 out", book)
    assert err.value.ref == "med gemini"
    assert parse_query("2.5 flash 1k in 200 out, med school chatbot on gemini", book).models[0].id == "gemini-2.5-flash"


@pytest.mark.parametrize("question", ["gemini 4 pro 价格多少", "what does gemini 4 pro cost per 1M tokens"])
def test_a_tier_said_after_a_generation_names_a_model_of_it(book: PriceBook, question: str) -> None:
    # the generation's one model is no `pro`: the rates of another model had been shown as if they were asked
    with pytest.raises(UnknownModel) as err:
        parse_query(question, book)
    assert err.value.ref.lower() == "gemini 4 pro"


def test_a_tier_that_leaves_one_of_several_models_is_still_asked(book: PriceBook) -> None:
    # `gemini 3 lite`: the generation has several lite models; the tier narrows the offer, it does not choose
    with pytest.raises(Ambiguous):
        parse_query("gemini 3 lite 1k in 200 out 100 a day", book)
