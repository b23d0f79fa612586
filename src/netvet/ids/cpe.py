"""CPE names (Common Platform Enumeration, NIST IR 7695): the 2.2 URI `cpe:/h:huawei:ma5800`,
the 2.3 formatted string `cpe:2.3:h:huawei:ma5800:...` and the bare `h:huawei:ma5800` Nmap's
probe files carry. Parsing returns None for garbage and never raises."""

from dataclasses import dataclass

PREFIXES = ("cpe:2.3:", "cpe:/")
PARTS = frozenset({"a", "h", "o"})  # application, hardware, operating system


@dataclass(frozen=True, slots=True)
class Cpe:
    """The part (a, h or o), the vendor and, when the name has one, the product."""

    part: str
    vendor: str
    product: str | None = None

    @property
    def vendor_name(self) -> str:
        """The vendor as words: CPE writes spaces as underscores ('palo_alto_networks')."""
        return self.vendor.replace("_", " ")

    @property
    def names_device(self) -> bool:
        """A hardware or operating-system CPE: its vendor made the device (an application's
        vendor only wrote software running on it)."""
        return self.part in ("h", "o")


def parse_cpe(text: str) -> Cpe | None:
    """A CPE name in any of the three forms, or None when it is not one (no known part, no
    vendor)."""
    body = text.strip()
    for prefix in PREFIXES:
        if body.casefold().startswith(prefix):
            body = body[len(prefix) :]
            break
    fields = body.split(":")
    if len(fields) < 2 or fields[0].casefold() not in PARTS or not fields[1]:
        return None
    product = fields[2] if len(fields) > 2 else None
    return Cpe(fields[0].casefold(), fields[1], product)
