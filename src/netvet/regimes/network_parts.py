"""Where an asset sits in the network: as the inventory says, else inferred from its category
(and the answer says it was inferred), else unknown."""

from dataclasses import dataclass

from netvet.model import AssetContext, Attribution, Category, NetworkPart

# What a device of each category usually is in a carrier network (3GPP/NCSC usage): radio and
# fibre access gear sits in the access network, routers, switches and transmission in transport,
# firewalls among the core's security functions. Servers, storage and software are left out:
# they can be core (NFVI, AAA) or management (OSS) alike, so the inventory must say.
PART_OF_CATEGORY: dict[Category, NetworkPart] = {
    Category.BASE_STATION: NetworkPart.ACCESS,
    Category.RADIO_INFRASTRUCTURE: NetworkPart.ACCESS,
    Category.OLT: NetworkPart.ACCESS,
    Category.ONT: NetworkPart.ACCESS,
    Category.CPE: NetworkPart.ACCESS,
    Category.MODEM: NetworkPart.ACCESS,
    Category.ACCESS_POINT: NetworkPart.ACCESS,
    Category.CONSUMER_ROUTER: NetworkPart.ACCESS,
    Category.ROUTER: NetworkPart.TRANSPORT,
    Category.SWITCH: NetworkPart.TRANSPORT,
    Category.MICROWAVE: NetworkPart.TRANSPORT,
    Category.OPTICAL_TRANSPORT: NetworkPart.TRANSPORT,
    Category.FIREWALL: NetworkPart.CORE,
}
# Devices that are not part of a public network's equipment: handsets, cameras, drones, power
# electronics and robots. The telecom-security instruments reach network equipment only.
NOT_NETWORK = frozenset(
    {
        Category.PHONE,
        Category.IP_PHONE,
        Category.CAMERA,
        Category.NVR,
        Category.DVR,
        Category.UAS,
        Category.UAS_COMPONENT,
        Category.INVERTER,
        Category.ROBOT,
        Category.POWER,
    }
)


@dataclass(frozen=True, slots=True)
class PartAnswer:
    """The asset's network part (None: unknown), and whether it was inferred from the category."""

    part: NetworkPart | None
    inferred: bool = False
    category: Category | None = None

    def describe(self) -> str:
        """'core (inferred from category firewall)', 'access', or 'unknown'."""
        if self.part is None:
            return "unknown"
        return f"{self.part} (inferred from category {self.category})" if self.inferred else str(self.part)


def network_part_of(ctx: AssetContext, attr: Attribution) -> PartAnswer:
    """The inventory's network part, else the category's usual part, else unknown."""
    if ctx.network_part is not None:
        return PartAnswer(NetworkPart(ctx.network_part))
    part = PART_OF_CATEGORY.get(attr.category) if attr.category else None
    return PartAnswer(part, part is not None, attr.category if part else None)


def is_network_equipment(attr: Attribution, ctx: AssetContext) -> bool:
    """False for handsets, cameras, drones and the like, unless the inventory places them."""
    return ctx.network_part is not None or attr.category not in NOT_NETWORK
