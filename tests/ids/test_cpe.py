from netvet.ids import Cpe, parse_cpe


def test_the_three_forms_give_one_name() -> None:
    uri = parse_cpe("cpe:/h:huawei:ma5800")
    formatted = parse_cpe("cpe:2.3:h:huawei:ma5800:*:*:*:*:*:*:*")
    bare = parse_cpe("h:huawei:ma5800")
    assert uri == bare == Cpe("h", "huawei", "ma5800")
    assert formatted is not None and (formatted.part, formatted.vendor, formatted.product) == (
        "h",
        "huawei",
        "ma5800",
    )


def test_vendor_words_and_device_parts() -> None:
    app = parse_cpe("cpe:/a:palo_alto_networks:pan-os")
    assert app is not None and app.vendor_name == "palo alto networks" and not app.names_device
    assert parse_cpe("o:cisco:ios") is not None and parse_cpe("o:cisco:ios").names_device  # type: ignore[union-attr]


def test_a_name_without_product_keeps_none() -> None:
    assert parse_cpe("cpe:/o:linux") == Cpe("o", "linux", None)


def test_garbage_is_none() -> None:
    for text in ("", "cpe:/", "cpe:/x:acme:thing", "cpe:/h::model", "huawei", "http://example"):
        assert parse_cpe(text) is None, text
