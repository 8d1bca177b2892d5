"""Bytes -> text: BOM, UTF-8, the declared HTML charset, then charset detection.

Binary data (NUL bytes, mostly control characters) is refused with a clear
:class:`~dateline.errors.DecodeError` instead of being turned into mojibake.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

from dateline.errors import DecodeError, EmptyInputError

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_META_CHARSET = re.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_:.-]{2,40})""", re.I
)
_XML_ENCODING = re.compile(
    rb"""<\?xml[^>]{0,100}?encoding\s*=\s*["']([A-Za-z0-9_.-]{2,40})""", re.I
)
_SURROGATE = re.compile("[\ud800-\udfff]")
_SAMPLE = 8192
# Share of control characters (other than whitespace) above which text is called binary.
_MAX_CONTROL_SHARE = 0.05


def declared_charset(data: bytes) -> str | None:
    """The encoding an HTML/XML page declares in its first bytes, if it is a known codec."""
    head = data[:4096]
    match = _META_CHARSET.search(head) or _XML_ENCODING.search(head)
    if match is None:
        return None
    name = match.group(1).decode("ascii", "ignore").lower()
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def decode_bytes(data: bytes, *, source: str, html: bool = False) -> str:
    """Decode ``data`` to text, or raise EmptyInputError / DecodeError naming ``source``."""
    if not data.strip():
        raise EmptyInputError("empty input: nothing to read", source=source)
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return _checked(data[len(bom) :].decode(encoding), source)
            except UnicodeDecodeError as exc:
                raise DecodeError(
                    f"invalid {encoding} after its byte-order mark: {exc.reason}", source=source
                ) from None
    if is_binary(data):
        raise DecodeError("binary content, not text", source=source)
    # Bytes that are valid UTF-8 are UTF-8 whatever a page declares (a stale "iso-8859-1"
    # declaration on a UTF-8 page is common); otherwise the declaration, then detection.
    candidates = ["utf-8"]
    if html:
        declared = declared_charset(data)
        if declared is not None and declared != "utf-8":
            candidates.append(declared)
    for encoding in candidates:
        try:
            return _checked(data.decode(encoding), source)
        except UnicodeDecodeError:
            continue
    return _checked(_detect(data, source), source)


def check_text(text: str, *, source: str) -> str:
    """Text given as ``str``: unpaired surrogates (which no encoder accepts) become U+FFFD,
    keeping every offset; binary or empty text is refused like decoded bytes."""
    if not text.strip():
        raise EmptyInputError("empty input: nothing to read", source=source)
    return _checked(_SURROGATE.sub("\ufffd", text), source)


def is_binary(data: bytes) -> bool:
    """True for bytes that are not text in any 8-bit or UTF-8 encoding (NULs, many controls)."""
    sample = data[:_SAMPLE]
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 0x20 and b not in (0x09, 0x0A, 0x0C, 0x0D, 0x1B))
    return controls > _MAX_CONTROL_SHARE * max(1, len(sample))


def _detect(data: bytes, source: str) -> str:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise DecodeError("cannot determine the text encoding", source=source)
    try:
        return data.decode(best.encoding)
    except (UnicodeDecodeError, LookupError) as exc:
        raise DecodeError(f"cannot decode as {best.encoding}: {exc}", source=source) from None


def _checked(text: str, source: str) -> str:
    """Refuse decoded text that is mostly control or unassigned characters."""
    sample = text[:_SAMPLE]
    if not sample.strip():
        raise EmptyInputError("empty input: only whitespace", source=source)
    bad = sum(
        1
        for ch in sample
        if ch not in "\t\n\r\f" and unicodedata.category(ch) in {"Cc", "Cn", "Co", "Cs"}
    )
    if bad > _MAX_CONTROL_SHARE * len(sample) or sample.count("\ufffd") > 0.2 * len(sample):
        raise DecodeError("binary content, not text", source=source)
    return text


def decode_declared(data: bytes, charset: str | None) -> bytes | str:
    """Bytes as they are, or text when a transport (HTTP header) declares a charset that
    the bytes are valid in and they are not plain UTF-8; :func:`decode_bytes` handles the
    rest (BOM, UTF-8, the page's own declaration, detection)."""
    if not charset:
        return data
    try:
        encoding = codecs.lookup(charset.strip().strip("\"'")).name
    except LookupError:
        return data
    if encoding == "utf-8":
        return data
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        return data
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return data
