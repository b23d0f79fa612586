#!/usr/bin/env python3
"""Generate examples/carrier_inventory.csv: a realistic asset-system export of a small rural US carrier.

The example is synthetic but built from real reference data: MAC addresses are drawn from the real
IEEE blocks registered to each vendor (ieee/oui.csv, mam.csv, oui36.csv), and model numbers come from
the community device-type library (devicetypes/index.csv) where the maker is there, else from widely
known public model numbers.  The output is deterministic (random.Random(2026)) and uses only the
standard library.

Usage:
    python examples/make_carrier_inventory.py [DATA_DIR] [--out PATH]

DATA_DIR defaults to ../shared/data relative to the repository root; PATH defaults to
examples/carrier_inventory.csv next to this script.

The file deliberately contains about 8 malformed rows (see MALFORMED below) so that importers can be
tested against real-world mess: a bad MAC, an impossible date, a cost of "n/a", a row with an unquoted
comma (too many columns), a truncated row, an empty line, an invalid IPv4 address and a line of only
whitespace.
"""

from __future__ import annotations

import argparse
import csv
import io
import random
import re
import sys
from datetime import date, timedelta
from pathlib import Path

HEADER = [
    "Hostname",
    "IP Address",
    "MAC Address",
    "Vendor",
    "Model",
    "Serial Number",
    "Site",
    "Device Type",
    "Country of Origin",
    "Purchase Date",
    "Funding Source",
    "Intended Use",
    "Cost (USD)",
    "FCC ID",
    "First Authorized",
    "Conditional Approval",
]

SEED = 2026
N_ROWS = 352  # well-formed data rows; the malformed rows are added on top

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = REPO_ROOT.parent / "shared" / "data"
DEFAULT_OUT = Path(__file__).resolve().parent / "carrier_inventory.csv"

ROUTER_LISTING = date(2026, 3, 23)  # FCC Covered List entry for foreign-produced consumer routers

# --------------------------------------------------------------------------------------------------
# Sites of a small carrier in western Colorado: (code, site name, kind)
SITES = [
    ("garfield", "Garfield Central Office", "co"),
    ("rifle", "Rifle Central Office", "co"),
    ("meeker", "Meeker Exchange", "co"),
    ("rangely", "Rangely Exchange", "co"),
    ("silt", "Silt Remote Terminal", "rt"),
    ("twr07", "Tower 07 Grand Hogback", "tower"),
    ("twr12", "Tower 12 Hwy 13", "tower"),
    ("twr19", "Tower 19 Piceance", "tower"),
    ("twr23", "Tower 23 Rio Blanco", "tower"),
    ("wtp", "Rifle Water Treatment Plant", "utility"),
    ("subst", "Meeker Substation (REA)", "utility"),
    ("psap", "Garfield County 911 Center", "psap"),
    ("sheriff", "Rio Blanco County Sheriff", "psap"),
    ("store", "Main St Retail Store", "store"),
    ("hq", "Corporate Office Glenwood", "office"),
    ("whse", "Warehouse New Castle", "office"),
    ("sub", "Subscriber premises", "subscriber"),
]
SITE_BY_CODE = {s[0]: s for s in SITES}

# Country names as an asset system would hold them: ISO names, ISO codes and local habits mixed.
COUNTRY_FORMS = {
    "China": ["China", "CN", "China", "PRC", "CHN"],
    "Vietnam": ["Vietnam", "VN", "Viet Nam"],
    "USA": ["USA", "US", "United States"],
    "Taiwan": ["Taiwan", "TW"],
    "Mexico": ["Mexico", "MX"],
    "Malaysia": ["Malaysia", "MY"],
    "Sweden": ["Sweden", "SE"],
    "Finland": ["Finland", "FI"],
    "Germany": ["Germany", "DE"],
    "Latvia": ["Latvia", "LV"],
    "Thailand": ["Thailand", "TH"],
    "India": ["India", "IN"],
    "Israel": ["Israel", "IL"],
    "Poland": ["Poland", "PL"],
    "Estonia": ["Estonia", "EE"],
    "Hungary": ["Hungary", "HU"],
}

# --------------------------------------------------------------------------------------------------
# Device templates.  Each: vendor (canonical display), messy vendor strings as they appear in asset
# systems, registrant names of the vendor's IEEE blocks (exact spelling in the IEEE files), model pool
# (literal models, and/or ("index", manufacturer, regex) to draw from devicetypes/index.csv), device
# type, host prefix, site kinds, intended uses, production countries, FCC grantee code, cost range,
# weight, category flags.
T = []


def tpl(
    key,
    vendor,
    vendor_strings,
    registrants,
    models,
    dtype,
    prefix,
    sites,
    uses,
    countries,
    grantee,
    cost,
    weight,
    serial="generic",
    since=2016,
):
    """dtype is a device type, or a list of (regex on model, device type); first match wins."""
    T.append(
        dict(
            key=key,
            vendor=vendor,
            vendor_strings=vendor_strings,
            registrants=registrants,
            models=models,
            dtype=dtype,
            prefix=prefix,
            sites=sites,
            uses=uses,
            countries=countries,
            grantee=grantee,
            cost=cost,
            weight=weight,
            serial=serial,
            since=since,
        )
    )


# Device types for which an asset system would record the FCC "first authorized" date
# (consumer-grade routers, hotspots, fixed-wireless CPE and residential gateways).
ROUTERISH = {"Consumer Router", "Mobile Hotspot", "5G FWA CPE", "Residential Gateway"}
PREFIX_BY_TYPE = {
    "Switch": "sw",
    "Router": "rtr",
    "OLT": "olt",
    "ONT": "ont",
    "Consumer Router": "cpe",
    "Mobile Hotspot": "mifi",
    "5G FWA CPE": "fwa",
    "Residential Gateway": "rg",
    "Base Station": "enb",
    "Microwave Link": "mw",
    "Access Point": "ap",
    "NVR": "nvr",
    "Fixed Wireless Radio": "fw",
    "Firewall": "fwl",
}
INFRA_TYPES = {"OLT", "Router", "Switch", "Base Station", "Microwave Link", "Firewall"}
SUBSCRIBER_TYPES = {"ONT", "Residential Gateway", "5G FWA CPE"}
USES_BY_TYPE = {
    "OLT": ["FTTH aggregation", "GPON", ""],
    "Switch": ["office", "aggregation", "tower site LAN", ""],
    "Router": ["core routing", "aggregation", "office WAN", ""],
    "Firewall": ["office", "BGP edge", ""],
    "Access Point": ["office", "guest Wi-Fi, retail store", ""],
    "NVR": ["office", ""],
    "Microwave Link": ["backhaul", "tower to CO backhaul", ""],
    "Mobile Hotspot": ["field tech hotspot", ""],
    "Consumer Router": ["subscriber CPE", "residential Wi-Fi", "office", ""],
}


def dtype_for(t, model: str) -> str:
    d = t["dtype"]
    if isinstance(d, str):
        return d
    for rx, dt in d:
        if re.search(rx, model):
            return dt
    return d[-1][1]


HUAWEI_V = [
    "Huawei",
    "HUAWEI",
    "HUAWEI TECHNOLOGIES CO.,LTD",
    "Huawei Technologies Co., Ltd.",
    "huawei tech",
    "Huawei Technologies",
]
ZTE_V = ["ZTE", "ZTE Corp.", "zte corporation", "ZTE Corporation", "ZTE CORP"]
HIK_V = [
    "Hikvision",
    "HIKVISION",
    "hangzhou hikvision",
    "Hangzhou Hikvision Digital Technology Co., Ltd.",
    "Hik Vision",
]
DAHUA_V = ["Dahua", "DAHUA", "Zhejiang Dahua Technology Co., Ltd.", "Dahua Technology", "dahua tech"]
HYTERA_V = ["Hytera", "HYTERA", "Hytera Communications", "Hytera Communications Corp. Ltd.", "HYT"]
TPLINK_V = ["TP-Link", "TP-LINK", "tp-link technologies", "TP-Link Systems Inc.", "TPLink"]

CAM_USES_BY_SITE = {
    "wtp": [
        "perimeter security of water treatment plant",
        "pump station gate camera",
        "chlorine room camera",
    ],
    "subst": ["substation perimeter camera", "physical security, electric substation"],
}
CAM_USES_PS = ["county 911 dispatch", "sheriff office sally port", "jail intake hallway"]
CAM_USES_PLAIN = ["lobby camera, retail store", "office", "warehouse dock", "parking lot", ""]

tpl(
    "hw-olt",
    "Huawei",
    HUAWEI_V,
    ["HUAWEI TECHNOLOGIES CO.,LTD"],
    ["MA5800-X7", "MA5800-X2", "MA5608T", "MA5800-X15"],
    "OLT",
    "olt",
    ["co", "rt"],
    ["FTTH aggregation", "GPON", "", "FTTH"],
    ["China"],
    None,
    (18000, 65000),
    6,
    serial="huawei",
)
tpl(
    "hw-ont",
    "Huawei",
    HUAWEI_V,
    ["HUAWEI TECHNOLOGIES CO.,LTD"],
    ["HG8245H", "EchoLife HG8245Q2", "HG8145V5", "EG8145V5"],
    "ONT",
    "ont",
    ["subscriber"],
    ["subscriber CPE", "residential FTTH", ""],
    ["China"],
    "QIS",
    (60, 140),
    14,
    serial="gpon-HWTC",
)
tpl(
    "hw-sw",
    "Huawei",
    HUAWEI_V,
    ["HUAWEI TECHNOLOGIES CO.,LTD"],
    [("index", "Huawei", r"^(S5735|S5731|S5720|S6730|S1720|CloudEngine S5732)")],
    "Switch",
    "sw",
    ["co", "rt", "tower"],
    ["aggregation", "tower site LAN", "", "office"],
    ["China"],
    None,
    (900, 7800),
    7,
    serial="huawei",
)
tpl(
    "hw-rtr",
    "Huawei",
    HUAWEI_V,
    ["HUAWEI TECHNOLOGIES CO.,LTD"],
    [("index", "Huawei", r"^(NE40E|ATN910|AR6121)")],
    "Router",
    "rtr",
    ["co"],
    ["core routing", "BGP edge", "cell site router", ""],
    ["China"],
    None,
    (6000, 48000),
    3,
    serial="huawei",
)
tpl(
    "hw-ran",
    "Huawei",
    HUAWEI_V,
    ["HUAWEI TECHNOLOGIES CO.,LTD"],
    ["DBS3900", "BTS3900", "RRU3959", "AAU5613"],
    "Base Station",
    "enb",
    ["tower"],
    ["LTE RAN", "LTE band 12 sector", "", "fixed wireless access"],
    ["China"],
    "QIS",
    (22000, 90000),
    7,
    serial="huawei",
)
tpl(
    "hw-mw",
    "Huawei",
    HUAWEI_V,
    ["HUAWEI TECHNOLOGIES CO.,LTD"],
    ["OptiX RTN 950", "OptiX RTN 380", "OptiX RTN 905"],
    "Microwave Link",
    "mw",
    ["tower", "co"],
    ["backhaul", "tower to CO backhaul", ""],
    ["China"],
    "QIS",
    (9000, 26000),
    4,
    serial="huawei",
)
tpl(
    "hw-cpe",
    "Huawei",
    HUAWEI_V,
    ["Huawei Device Co., Ltd.", "HUAWEI TECHNOLOGIES CO.,LTD"],
    ["5G CPE Pro 2 (H122-373)", "B535-232", "B818-263", "WS5200"],
    [("^WS", "Consumer Router"), (".", "5G FWA CPE")],
    "fwa",
    ["subscriber"],
    ["subscriber CPE", "fixed wireless subscriber", ""],
    ["China"],
    "QIS",
    (120, 420),
    5,
    since=2020,
)
tpl(
    "hw-hotspot",
    "Huawei",
    HUAWEI_V,
    ["Huawei Device Co., Ltd."],
    ["E5785Lh-22c", "E5577Cs-321"],
    "Mobile Hotspot",
    "mifi",
    ["subscriber", "office"],
    ["field tech hotspot", "subscriber CPE", ""],
    ["China"],
    "QIS",
    (70, 160),
    2,
    since=2019,
)
tpl(
    "hw-inv",
    "Huawei",
    HUAWEI_V,
    ["HUAWEI TECHNOLOGIES CO.,LTD"],
    ["SUN2000-100KTL-M1", "SUN2000-60KTL-M0", "SUN2000-10KTL-M1"],
    "Solar Inverter",
    "inv",
    ["tower"],
    ["tower site solar", "backup power at tower site", ""],
    ["China"],
    None,
    (2400, 9800),
    3,
    serial="huawei",
    since=2019,
)
tpl(
    "zte-olt",
    "ZTE",
    ZTE_V,
    ["zte corporation"],
    [("index", "ZTE", r"^ZXA10 C300"), "ZXA10 C320", "ZXA10 C600"],
    "OLT",
    "olt",
    ["co", "rt"],
    ["FTTH aggregation", "GPON", ""],
    ["China"],
    None,
    (15000, 52000),
    4,
)
tpl(
    "zte-ont",
    "ZTE",
    ZTE_V,
    ["zte corporation"],
    ["ZXHN F660", "ZXHN F670L", "ZXHN F601"],
    "ONT",
    "ont",
    ["subscriber"],
    ["subscriber CPE", "residential FTTH", ""],
    ["China"],
    "Q78",
    (45, 110),
    8,
    serial="gpon-ZTEG",
)
tpl(
    "zte-fwa",
    "ZTE",
    ZTE_V,
    ["zte corporation"],
    ["MC801A", "MC888", "MU5001", "MF971R"],
    [("^MU|^MF", "Mobile Hotspot"), (".", "5G FWA CPE")],
    "fwa",
    ["subscriber"],
    ["subscriber CPE", "fixed wireless subscriber", ""],
    ["China"],
    "Q78",
    (110, 380),
    4,
    since=2020,
)
tpl(
    "zte-ran",
    "ZTE",
    ZTE_V,
    ["zte corporation"],
    ["ZXSDR B8200", "ZXSDR R8862A", "ZXMW NR8250"],
    [("^ZXMW", "Microwave Link"), (".", "Base Station")],
    "enb",
    ["tower"],
    ["LTE RAN", "", "backhaul"],
    ["China"],
    "Q78",
    (18000, 70000),
    4,
)
tpl(
    "hik-cam",
    "Hikvision",
    HIK_V,
    ["Hangzhou Hikvision Digital Technology Co.,Ltd."],
    ["DS-2CD2143G2-I", "DS-2CD2047G2-LU", "DS-2CD2387G2-LU", "DS-2DE4425IW-DE", "DS-2CD2T47G2-L"],
    "IP Camera",
    "cam",
    ["utility", "tower", "psap", "store", "office"],
    None,
    ["China"],
    "2ADTD",
    (95, 640),
    15,
    serial="hik",
    since=2020,
)
tpl(
    "hik-nvr",
    "Hikvision",
    HIK_V,
    ["Hangzhou Hikvision Digital Technology Co.,Ltd."],
    ["DS-7608NI-K2", "DS-7616NI-I2/16P", "DS-7732NI-K4"],
    "NVR",
    "nvr",
    ["utility", "psap", "store", "office"],
    None,
    ["China"],
    "2ADTD",
    (260, 1400),
    4,
    serial="hik",
)
tpl(
    "ezviz-cam",
    "EZVIZ",
    ["EZVIZ", "Ezviz", "Hangzhou Ezviz Software"],
    ["Hangzhou Ezviz Software Co.,Ltd."],
    ["C6N", "C3TN", "H8c"],
    "IP Camera",
    "cam",
    ["store", "office"],
    ["lobby camera, retail store", "office", ""],
    ["China"],
    "2APV2",
    (35, 90),
    2,
)
tpl(
    "dahua-cam",
    "Dahua",
    DAHUA_V,
    ["Zhejiang Dahua Technology Co., Ltd.", "ZHEJIANG DAHUA TECHNOLOGYCO.,LTD"],
    ["IPC-HFW2431S-S-S2", "IPC-HDW2431T-AS-S2", "IPC-HFW5442E-ZE", "SD49225XA-HNR"],
    "IP Camera",
    "cam",
    ["utility", "tower", "psap", "store", "office"],
    None,
    ["China"],
    "SVN",
    (85, 900),
    10,
    serial="dahua",
    since=2019,
)
tpl(
    "dahua-nvr",
    "Dahua",
    DAHUA_V,
    ["Zhejiang Dahua Technology Co., Ltd."],
    ["NVR4108HS-4KS2", "NVR5216-16P-4KS2E"],
    "NVR",
    "nvr",
    ["utility", "psap", "store"],
    None,
    ["China"],
    "SVN",
    (180, 1100),
    3,
    serial="dahua",
)
tpl(
    "lorex-cam",
    "Lorex",
    ["Lorex", "LOREX", "Lorex Technology"],
    ["Lorex Technology Inc."],
    ["LNB8005", "LNE8964AB", "N841"],
    [("^N", "NVR"), (".", "IP Camera")],
    "cam",
    ["store", "office"],
    ["lobby camera, retail store", "parking lot", "office", ""],
    ["China"],
    None,
    (60, 420),
    2,
)
tpl(
    "hytera-radio",
    "Hytera",
    HYTERA_V,
    ["Hytera Communications Corporation Limited", "Hytera Communications Co .,ltd"],
    ["PD782", "PD362i", "HP782", "MD782", "PD982"],
    "Two-way Radio",
    "radio",
    ["psap", "co", "office"],
    [
        "police radio",
        "county 911 dispatch",
        "public works dispatch",
        "line crew radio",
        "fire department",
        "",
    ],
    ["China"],
    "YAM",
    (290, 1150),
    10,
)
tpl(
    "hytera-rpt",
    "Hytera",
    HYTERA_V,
    ["Hytera Communications Corporation Limited"],
    ["RD982", "RD962"],
    "Radio Repeater",
    "rpt",
    ["tower"],
    ["county 911 dispatch", "public safety repeater", "line crew radio", ""],
    ["China"],
    "YAM",
    (2200, 5200),
    2,
)
tpl(
    "moto-radio",
    "Motorola Solutions",
    ["Motorola", "Motorola Solutions", "MOTOROLA SOLUTIONS"],
    ["Motorola Solutions Inc.", "MOTOROLA SOLUTIONS MALAYSIA SDN. BHD."],
    ["APX 6000", "APX 8000", "XPR 7550e", "SLR 8000"],
    "Two-way Radio",
    "radio",
    ["psap", "co"],
    ["police radio", "county 911 dispatch", "fire department", ""],
    ["USA", "Malaysia"],
    "AZ489",
    (900, 7500),
    6,
)
tpl(
    "cisco-sw",
    "Cisco",
    ["Cisco", "Cisco Systems", "CISCO SYSTEMS, INC.", "cisco"],
    ["Cisco Systems, Inc"],
    [
        (
            "index",
            "Cisco",
            r"^(Catalyst 9300-24P|Catalyst 9300-48P|C9200L-24P-4G|CBS350-24P-4G|"
            r"IE-3200-8P2S|IE-4000-8GT8GP4G-E)$",
        )
    ],
    "Switch",
    "sw",
    ["co", "office", "tower"],
    ["office", "aggregation", "tower site LAN", ""],
    ["Mexico", "China", "USA", "Taiwan"],
    None,
    (700, 9800),
    8,
    serial="cisco",
)
tpl(
    "cisco-rtr",
    "Cisco",
    ["Cisco", "Cisco Systems", "cisco"],
    ["Cisco Systems, Inc"],
    [("index", "Cisco", r"^(ASR-920-12CZ-A|ASR-920-4SZ-A|ISR4331|ISR4321|ISR 1111-8P|C8300-1N1S-6T)$")],
    "Router",
    "rtr",
    ["co", "office"],
    ["core routing", "BGP edge", "office WAN", ""],
    ["Mexico", "USA", "Malaysia"],
    None,
    (1200, 18000),
    5,
    serial="cisco",
    since=2018,
)
tpl(
    "cisco-phone",
    "Cisco",
    ["Cisco", "cisco"],
    ["Cisco Systems, Inc"],
    ["CP-8845", "CP-7841", "CP-8851"],
    "IP Phone",
    "phone",
    ["office", "co", "store"],
    ["office", ""],
    ["China", "Vietnam", "Mexico"],
    "LDK",
    (180, 520),
    8,
    serial="cisco",
)
tpl(
    "juniper",
    "Juniper",
    ["Juniper", "Juniper Networks", "JUNIPER NETWORKS"],
    ["Juniper Networks"],
    [
        (
            "index",
            "Juniper",
            r"^(MX204|MX104-BASE|ACX2100-AC|ACX710DC|EX2300-24P|EX3400-24T|EX4300-24P|SRX340)$",
        )
    ],
    [("^(EX|QFX)", "Switch"), ("^SRX", "Firewall"), (".", "Router")],
    "rtr",
    ["co"],
    ["core routing", "BGP edge", "aggregation", ""],
    ["USA", "Malaysia", "China"],
    None,
    (2000, 42000),
    7,
    serial="juniper",
)
tpl(
    "nokia-agg",
    "Nokia",
    ["Nokia", "NOKIA", "Nokia Solutions and Networks"],
    ["Nokia", "Nokia Solutions and Networks GmbH & Co. KG"],
    [("index", "Nokia", r"^(7210 SAS|7250 IXR)")],
    "Router",
    "rtr",
    ["co", "tower"],
    ["aggregation", "cell site router", ""],
    ["Finland", "India", "China"],
    None,
    (4000, 21000),
    4,
)
tpl(
    "nokia-ont",
    "Nokia",
    ["Nokia", "Alcatel-Lucent", "Nokia Shanghai Bell"],
    ["Nokia Shanghai Bell Co., Ltd."],
    ["G-240W-F", "G-010G-P", "XS-010X-Q", "FastMile 5G21-12W-A"],
    [("FastMile", "5G FWA CPE"), (".", "ONT")],
    "ont",
    ["subscriber"],
    ["subscriber CPE", "residential FTTH", ""],
    ["China", "Vietnam"],
    "2ADZR",
    (55, 300),
    6,
    serial="gpon-ALCL",
)
tpl(
    "ericsson",
    "Ericsson",
    ["Ericsson", "ERICSSON", "Ericsson AB"],
    ["Ericsson AB"],
    [("index", "Ericsson", r"^R6672$"), "Baseband 6630", "Radio 4449", "MINI-LINK 6352"],
    [("^R66", "Router"), ("MINI-LINK", "Microwave Link"), (".", "Base Station")],
    "enb",
    ["tower", "co"],
    ["LTE RAN", "backhaul", "cell site router", ""],
    ["Sweden", "Estonia", "USA", "China"],
    "TA8AKRD",
    (9000, 60000),
    5,
)
tpl(
    "calix",
    "Calix",
    ["Calix", "CALIX", "Calix Inc."],
    ["Calix Inc."],
    [("index", "Calix", r"^E7-"), "844G-1", "GS2026E", "GS4220E"],
    [("^E7", "OLT"), ("^GS", "Residential Gateway"), (".", "ONT")],
    "ont",
    ["subscriber"],
    ["subscriber CPE", "carrier-managed Wi-Fi", ""],
    ["USA", "Taiwan", "Mexico", "Thailand"],
    "2ABUH",
    (160, 16000),
    7,
    serial="gpon-CXNK",
)
tpl(
    "adtran",
    "Adtran",
    ["Adtran", "ADTRAN", "Adtran Inc"],
    ["Adtran Inc"],
    [("index", "Adtran", r"^(NetVanta 4660|Total Access 5000)"), "NetVanta 3140", "SDX 621v"],
    [("^Total Access", "OLT"), ("^SDX", "ONT"), (".", "Router")],
    "rtr",
    ["co", "rt", "subscriber"],
    ["aggregation", "subscriber CPE", "office WAN", ""],
    ["USA", "Germany", "Mexico"],
    None,
    (400, 14000),
    4,
)
tpl(
    "tplink-rtr",
    "TP-Link",
    TPLINK_V,
    ["TP-LINK TECHNOLOGIES CO.,LTD.", "TP-Link Systems Inc"],
    ["Archer AX21", "Archer AX55", "Archer C7", "Deco X20", "Archer AX73"],
    "Consumer Router",
    "cpe",
    ["subscriber", "store"],
    ["subscriber CPE", "residential Wi-Fi", "guest Wi-Fi, retail store", ""],
    ["China", "Vietnam"],
    "TE7",
    (45, 190),
    14,
    since=2020,
)
tpl(
    "tplink-hotspot",
    "TP-Link",
    TPLINK_V,
    ["TP-LINK TECHNOLOGIES CO.,LTD."],
    ["M7350", "M7650"],
    "Mobile Hotspot",
    "mifi",
    ["subscriber", "office"],
    ["field tech hotspot", "subscriber CPE", ""],
    ["China", "Vietnam"],
    "TE7",
    (60, 150),
    2,
    since=2018,
)
tpl(
    "tplink-sw",
    "TP-Link",
    TPLINK_V,
    ["TP-LINK TECHNOLOGIES CO.,LTD.", "TP-Link Systems Inc."],
    [("index", "TP-Link", r"^(T2600G|TL-SG3428MP|TL-SG108PE|TL-SG1016PE|ER707-M2)")],
    [("^ER", "Router"), (".", "Switch")],
    "sw",
    ["office", "tower", "store"],
    ["office", "tower site LAN", ""],
    ["China", "Vietnam"],
    None,
    (40, 900),
    4,
)
tpl(
    "ubnt",
    "Ubiquiti",
    ["Ubiquiti", "UBNT", "Ubiquiti Inc", "ubiquiti networks"],
    ["Ubiquiti Inc"],
    [
        (
            "index",
            "Ubiquiti",
            r"^(Rocket Prism 5AC Gen2|airFiber 5XHD|airFiber 60 LR|LiteBeam 5AC Gen2|PowerBeam 5AC Gen2|"
            r"UniFi Switch 24 PoE Gen2|EdgeRouter 12|U6 Long-Range|UISP Router|UniFi Dream Machine Pro|"
            r"UniFi Protect Network Video Recorder)$",
        )
    ],
    [
        ("Switch", "Switch"),
        ("EdgeRouter|UISP Router|Dream Machine", "Router"),
        ("^U6", "Access Point"),
        ("Video Recorder", "NVR"),
        (".", "Fixed Wireless Radio"),
    ],
    "fw",
    ["tower", "subscriber", "office"],
    ["fixed wireless subscriber", "backhaul", "office", ""],
    ["China", "Vietnam", "Taiwan"],
    "SWX",
    (90, 3200),
    9,
)
tpl(
    "axis",
    "Axis",
    ["Axis", "AXIS", "Axis Communications"],
    ["Axis Communications AB"],
    ["P3245-LVE", "M3106-L Mk II", "Q6135-LE", "P1455-LE"],
    "IP Camera",
    "cam",
    ["utility", "psap", "tower"],
    None,
    ["Sweden", "Poland", "Vietnam"],
    None,
    (300, 2800),
    7,
)
tpl(
    "mikrotik",
    "MikroTik",
    ["MikroTik", "Mikrotik", "Routerboard"],
    ["Routerboard.com"],
    [
        (
            "index",
            "MikroTik",
            r"^(CCR2004-16G-2S\+|CCR1036-8G-2S\+|CRS326-24G-2S\+RM|RB4011iGS\+RM|RB5009UG\+S\+IN|hAP)",
        )
    ],
    [("^CRS", "Switch"), ("^hAP", "Consumer Router"), (".", "Router")],
    "rtr",
    ["tower", "rt", "office"],
    ["tower site monitoring", "aggregation", "office", ""],
    ["Latvia", "China"],
    "TV7",
    (60, 1200),
    5,
)
tpl(
    "netgear",
    "Netgear",
    ["Netgear", "NETGEAR", "NetGear Inc."],
    ["NETGEAR"],
    ["Nighthawk RAX50", "Orbi RBR750", "Nighthawk R7000", "Nighthawk M6 MR6150", "LM1200"],
    [("M6", "Mobile Hotspot"), ("LM1200", "5G FWA CPE"), (".", "Consumer Router")],
    "cpe",
    ["subscriber", "office"],
    ["subscriber CPE", "residential Wi-Fi", "office", ""],
    ["Vietnam", "Taiwan", "Thailand", "China"],
    "PY3",
    (80, 650),
    6,
    since=2019,
)
tpl(
    "netgear-sw",
    "Netgear",
    ["Netgear", "NETGEAR"],
    ["NETGEAR"],
    [("index", "Netgear", r"^(GS108E|GS308E|GS116Ev2|GS108PEv3)$")],
    "Switch",
    "sw",
    ["office", "store"],
    ["office", ""],
    ["Vietnam", "Taiwan", "China"],
    None,
    (30, 160),
    2,
)
tpl(
    "dji",
    "DJI",
    ["DJI", "SZ DJI Technology", "dji"],
    ["SZ DJI TECHNOLOGY CO.,LTD"],
    ["Mavic 3 Enterprise", "Matrice 300 RTK", "Matrice 30T", "Mini 3 Pro"],
    "Drone",
    "uas",
    ["co", "psap"],
    ["tower inspection", "search and rescue support", "line-of-sight survey", ""],
    ["China"],
    "SS3",
    (760, 14000),
    3,
    since=2022,
)
tpl(
    "autel",
    "Autel Robotics",
    ["Autel", "Autel Robotics"],
    ["Autel Robotics USA LLC"],
    ["EVO II Pro 6K", "EVO Max 4T"],
    "Drone",
    "uas",
    ["co"],
    ["tower inspection", ""],
    ["China"],
    "2AGNT",
    (1600, 9000),
    1,
    since=2021,
)
tpl(
    "skydio",
    "Skydio",
    ["Skydio", "Skydio Inc."],
    ["Skydio Inc."],
    ["X10", "Skydio 2+"],
    "Drone",
    "uas",
    ["co", "psap"],
    ["tower inspection", "search and rescue support"],
    ["USA"],
    "2AMZI",
    (9000, 22000),
    1,
    since=2023,
)
tpl(
    "h3c",
    "H3C",
    ["H3C", "New H3C", "H3C Technologies"],
    ["New H3C Technologies Co., Ltd", "Hangzhou H3C Technologies Co., Limited"],
    ["S5130S-28S-EI", "MSR2600-10-X1", "WA6320"],
    [("^MSR", "Router"), ("^WA", "Access Point"), (".", "Switch")],
    "sw",
    ["co", "office"],
    ["office", "aggregation", ""],
    ["China"],
    None,
    (300, 4200),
    3,
)
tpl(
    "honor",
    "Honor",
    ["Honor", "HONOR", "Honor Device Co."],
    ["Honor Device Co., Ltd."],
    ["HONOR Router 3", "HONOR Router 4 Pro"],
    "Consumer Router",
    "cpe",
    ["subscriber", "office"],
    ["residential Wi-Fi", "subscriber CPE", ""],
    ["China"],
    None,
    (40, 120),
    2,
    since=2021,
)
tpl(
    "sma-inv",
    "SMA",
    ["SMA", "SMA Solar Technology"],
    ["SMA Solar Technology AG"],
    ["Sunny Tripower CORE1 STP 50-US-41", "Sunny Boy 7.7-US"],
    "Solar Inverter",
    "inv",
    ["tower"],
    ["tower site solar", "backup power at tower site", ""],
    ["Germany", "USA"],
    None,
    (1800, 7200),
    2,
)
tpl(
    "solaredge-inv",
    "SolarEdge",
    ["SolarEdge", "Solaredge"],
    ["SolarEdge Technologies", "Solaredge LTD."],
    ["SE10000H-US", "SE7600H-US"],
    "Solar Inverter",
    "inv",
    ["tower", "office"],
    ["tower site solar", ""],
    ["Israel", "Vietnam", "Hungary"],
    None,
    (1500, 3600),
    2,
)
tpl(
    "cambium",
    "Cambium",
    ["Cambium", "Cambium Networks"],
    ["Cambium Networks Limited"],
    ["ePMP 3000", "ePMP Force 300-25", "PTP 820S"],
    "Fixed Wireless Radio",
    "fw",
    ["tower", "subscriber"],
    ["fixed wireless subscriber", "backhaul", ""],
    ["China", "Taiwan", "USA"],
    "Z8H",
    (110, 5200),
    4,
)
tpl(
    "unknown",
    "",
    ["", "Generic", "unknown", "N/A"],
    [],
    ["", "", "unknown", "N/A"],
    "",
    "dev",
    ["tower", "office", "co", "utility"],
    ["", "tower site monitoring", "generator telemetry", ""],
    [""],
    None,
    (20, 600),
    7,
)

GENERIC_COMPANIES = {"Generic", "unknown", "N/A", ""}

FUNDING = ["USF High Cost", "CAF II", "ReConnect", "private", "RDOF", ""]
FUNDING_W = [14, 10, 8, 20, 7, 41]


# --------------------------------------------------------------------------------------------------
def load_ieee(data_dir: Path):
    """registrant name -> sorted list of (registry, assignment) from MA-L, MA-M and MA-S files."""
    blocks: dict[str, list[tuple[str, str]]] = {}
    all_prefixes = set()
    by_registry: dict[str, list[tuple[str, str]]] = {"MA-L": [], "MA-M": [], "MA-S": []}
    for fname in ("oui.csv", "mam.csv", "oui36.csv"):
        with open(data_dir / "ieee" / fname, newline="", encoding="utf-8") as f:
            rd = csv.reader(f)
            next(rd)
            for row in rd:
                if len(row) < 3:
                    continue
                reg, assign, name = row[0], row[1].strip().upper(), row[2]
                blocks.setdefault(name, []).append((reg, assign))
                all_prefixes.add(assign)
                if name not in ("Private", "IEEE Registration Authority"):
                    by_registry.setdefault(reg, []).append((name, assign))
    for v in blocks.values():
        v.sort()
    for v in by_registry.values():
        v.sort()
    return blocks, all_prefixes, by_registry


def load_index(data_dir: Path):
    models: dict[str, list[str]] = {}
    with open(data_dir / "devicetypes" / "index.csv", newline="", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            if r["kind"] == "device":
                models.setdefault(r["manufacturer"], []).append(r["model"])
    return models


def resolve_models(index_models):
    for t in T:
        pool = []
        for m in t["models"]:
            if isinstance(m, tuple):
                _, maker, rx = m
                hits = sorted(x for x in index_models.get(maker, []) if re.search(rx, x))
                if not hits:
                    raise SystemExit(f"no model for {maker} /{rx}/ in devicetypes/index.csv")
                pool.extend(hits)
            else:
                pool.append(m)
        t["model_pool"] = pool


# --------------------------------------------------------------------------------------------------
class Gen:
    def __init__(self, data_dir: Path):
        self.rng = random.Random(SEED)
        self.blocks, self.prefixes, self.by_registry = load_ieee(data_dir)
        for t in T:
            for name in t["registrants"]:
                if name not in self.blocks:
                    raise SystemExit(f"registrant {name!r} not found in IEEE data")
        for extra in ("REALTEK SEMICONDUCTOR CORP.", "Realtek Semiconductor Corp."):
            if extra not in self.blocks:
                raise SystemExit(f"registrant {extra!r} not found in IEEE data")
        resolve_models(load_index(data_dir))
        self.host_counters: dict[str, int] = {}
        self.used_ips: set[str] = set()
        self.sub_counter = 10400

    # ---- MAC helpers --------------------------------------------------------------------------
    def mac_from_block(self, assignment: str) -> str:
        """Full 12-hex-digit MAC: the 6/7/9 hex-digit prefix of a real block plus random digits."""
        rest = 12 - len(assignment)
        return assignment + "".join(self.rng.choice("0123456789ABCDEF") for _ in range(rest))

    def mac_for(self, registrants, allow_small=False) -> str:
        name = self.rng.choice(registrants)
        choices = self.blocks[name]
        if not allow_small:
            big = [b for b in choices if b[0] == "MA-L"]
            choices = big or choices
        reg, assign = self.rng.choice(choices)
        return self.mac_from_block(assign)

    def unregistered_mac(self) -> str:
        while True:
            first = self.rng.randrange(0, 256) & 0b11111100  # globally administered, unicast
            p = f"{first:02X}{self.rng.randrange(0, 1 << 16):04X}"
            if p not in self.prefixes:
                return self.mac_from_block(p)

    def local_mac(self, first: int) -> str:
        return f"{first:02X}" + "".join(self.rng.choice("0123456789ABCDEF") for _ in range(10))

    def fmt_mac(self, hex12: str) -> str:
        style = self.rng.choices(["colon", "colon-lower", "dash", "cisco", "bare"], [40, 12, 18, 15, 15])[0]
        h = hex12.upper()
        if style == "colon":
            return ":".join(h[i : i + 2] for i in range(0, 12, 2))
        if style == "colon-lower":
            return ":".join(h[i : i + 2] for i in range(0, 12, 2)).lower()
        if style == "dash":
            return "-".join(h[i : i + 2] for i in range(0, 12, 2)).lower()
        if style == "cisco":
            h = h.lower()
            return ".".join(h[i : i + 4] for i in range(0, 12, 4))
        return h

    # ---- other fields ---------------------------------------------------------------------------
    def hostname(self, prefix: str, site_code: str) -> str:
        if site_code == "sub":
            self.sub_counter += self.rng.randint(1, 37)
            return f"{prefix}-sub-{self.sub_counter}"
        k = f"{prefix}-{site_code}"
        self.host_counters[k] = self.host_counters.get(k, 0) + 1
        return f"{k}-{self.host_counters[k]:02d}"

    def ip(self, site_kind: str) -> str:
        while True:
            if site_kind == "subscriber":
                a = f"10.{self.rng.randint(200, 215)}.{self.rng.randint(0, 255)}.{self.rng.randint(2, 254)}"
            elif self.rng.random() < 0.35:
                a = f"172.16.{self.rng.randint(0, 31)}.{self.rng.randint(2, 254)}"
            else:
                a = f"10.{self.rng.randint(1, 40)}.{self.rng.randint(0, 255)}.{self.rng.randint(1, 254)}"
            if a not in self.used_ips:
                self.used_ips.add(a)
                return a

    def serial(self, t) -> str:
        r = self.rng
        kind = t["serial"]
        if kind.startswith("gpon-"):
            return kind[5:] + "".join(r.choice("0123456789ABCDEF") for _ in range(8))
        if kind == "huawei":
            return (
                "2102"
                + "".join(r.choice("0123456789") for _ in range(6))
                + r.choice("ABCDEFGHJK")
                + "".join(r.choice("0123456789ABCDEFGHJKLMNPQRSTUVWXYZ") for _ in range(9))
            )
        if kind == "cisco":
            return (
                r.choice(["FOC", "FCW", "FDO", "JAE", "FJC"])
                + f"{r.randint(17, 26)}{r.randint(1, 52):02d}"
                + "".join(r.choice("0123456789ABCDEFGHJKLMNPQRSTUVWXYZ") for _ in range(4))
            )
        if kind == "juniper":
            return r.choice(["WS37", "JN11", "DK50", "CW02"]) + "".join(
                r.choice("0123456789ABCDEF") for _ in range(8)
            )
        if kind == "hik":
            d = date(2017, 1, 1) + timedelta(days=r.randint(0, 3000))
            return (
                f"{d:%Y%m%d}"
                + r.choice(["AAWR", "CCWR", "AACH"])
                + "".join(r.choice("0123456789ABCDEFGHJ") for _ in range(9))
            )
        if kind == "dahua":
            return "".join(r.choice("0123456789ABCDEFGHJKLMNPQRSTUVWXYZ") for _ in range(15))
        return "".join(
            r.choice("0123456789ABCDEFGHJKLMNPQRSTUVWXYZ") for _ in range(r.choice([8, 10, 11, 12]))
        )

    def purchase(self, t):
        start = date(t["since"], 1, 1)
        return start + timedelta(days=self.rng.randint(0, (date(2026, 8, 15) - start).days))

    def fmt_date(self, d: date) -> str:
        if self.rng.random() < 0.18:
            return f"{d.month}/{d.day}/{d.year}"
        return d.isoformat()

    def fmt_cost(self, lo, hi) -> str:
        v = self.rng.uniform(lo, hi)
        v = round(v, 2) if v < 500 else float(round(v))
        s = self.rng.choices(["plain", "cents", "dollar", "dollar-comma"], [35, 20, 15, 30])[0]
        if s == "plain":
            return f"{v:.0f}"
        if s == "cents":
            return f"{v:.2f}"
        if s == "dollar":
            return f"${v:.2f}"
        return f"${v:,.2f}"

    def fcc_id(self, t, model) -> str:
        g = t["grantee"]
        if not g or self.rng.random() < 0.5:
            return ""
        tail = re.sub(r"[^A-Z0-9]", "", model.upper())[:9] or "".join(
            self.rng.choice("ABCDEFGH0123456789") for _ in range(6)
        )
        if self.rng.random() < 0.3:
            tail = tail[:5] + "".join(self.rng.choice("0123456789") for _ in range(2))
        return f"{g}-{tail}"

    def country(self, t) -> str:
        c = self.rng.choice(t["countries"])
        if not c or self.rng.random() < 0.45:
            return ""
        return self.rng.choice(COUNTRY_FORMS[c])

    def uses(self, t, dtype, site_kind, site_code) -> str:
        if t["uses"] is not None:
            main = t["dtype"] if isinstance(t["dtype"], str) else t["dtype"][-1][1]
            pool = t["uses"] if dtype == main or dtype not in USES_BY_TYPE else USES_BY_TYPE[dtype]
            u = self.rng.choice(pool)
        else:  # cameras / NVRs: use follows the site
            pool = {
                "utility": CAM_USES_BY_SITE.get(site_code),
                "tower": ["tower site monitoring", "tower site monitoring", ""],
                "psap": CAM_USES_PS,
                "store": ["lobby camera, retail store", ""],
                "office": ["office", "warehouse dock", "parking lot", ""],
            }.get(site_kind, CAM_USES_PLAIN)
            u = self.rng.choice(pool)
        if self.rng.random() < 0.3:
            u = ""
        return u

    # ---- one row --------------------------------------------------------------------------------
    def row(self, t, evidence: str, model: str | None = None, site_kind: str | None = None):
        r = self.rng
        model = model or r.choice(t["model_pool"])
        dtype = dtype_for(t, model)
        kinds = t["sites"]
        if dtype in INFRA_TYPES:
            kinds = [k for k in kinds if k != "subscriber"] or ["co"]
        elif dtype in SUBSCRIBER_TYPES and "subscriber" in kinds:
            kinds = ["subscriber"]
        site_kind = site_kind or r.choice(kinds)
        site_code, site_name, _ = r.choice([s for s in SITES if s[2] == site_kind])
        vendor_s = r.choice(t["vendor_strings"])
        if t["registrants"]:
            mac = self.fmt_mac(self.mac_for(t["registrants"]))
        elif r.random() < 0.3:
            mac = self.fmt_mac(self.unregistered_mac())
        else:  # unknown gear: any registered vendor, MA-L mostly, some MA-M / MA-S
            reg = r.choices(["MA-L", "MA-M", "MA-S"], [6, 2, 2])[0]
            name, assign = r.choice(self.by_registry[reg])
            mac = self.fmt_mac(self.mac_from_block(assign))
        pdate = self.purchase(t)
        first_auth, ca = "", ""
        if dtype in ROUTERISH:
            fa = pdate - timedelta(days=r.randint(60, 900))
            if r.random() < 0.3:  # models authorized after the router listing date
                fa = ROUTER_LISTING + timedelta(days=r.randint(5, 120))
                pdate = fa + timedelta(days=r.randint(10, 30))
            first_auth = fa.isoformat() if r.random() < 0.85 else ""
            if t["key"] == "netgear" and fa > ROUTER_LISTING:
                ca = "yes"
            elif r.random() < 0.12:
                ca = "no"
        row = {
            "Hostname": self.hostname(PREFIX_BY_TYPE.get(dtype, t["prefix"]), site_code),
            "IP Address": self.ip(site_kind),
            "MAC Address": mac,
            "Vendor": vendor_s,
            "Model": model,
            "Serial Number": self.serial(t) if r.random() < 0.7 else "",
            "Site": site_name,
            "Device Type": dtype if r.random() < 0.9 else "",
            "Country of Origin": self.country(t),
            "Purchase Date": self.fmt_date(pdate) if r.random() < 0.9 else "",
            "Funding Source": r.choices(FUNDING, FUNDING_W)[0],
            "Intended Use": self.uses(t, dtype, site_kind, site_code),
            "Cost (USD)": self.fmt_cost(*t["cost"]) if r.random() < 0.85 else "",
            "FCC ID": self.fcc_id(t, model),
            "First Authorized": first_auth,
            "Conditional Approval": ca,
        }
        row["_vendor"] = t["vendor"] or "(unknown gear)"  # not written; for --stats
        if evidence == "mac":
            row.update(
                {"Vendor": "", "Model": "", "Serial Number": "", "FCC ID": "", "Country of Origin": ""}
            )
        elif evidence == "vendor":
            row.update({"MAC Address": "", "Model": "", "Serial Number": "", "FCC ID": ""})
        elif evidence == "model":
            row.update({"MAC Address": "", "Vendor": "", "FCC ID": ""})
        elif evidence == "full" and t["key"] == "unknown":
            row.update(
                {"Vendor": r.choice(["", "Generic", "unknown"]), "Model": r.choice(["", "unknown", "N/A"])}
            )
        return row


def build_rows(data_dir: Path):
    g = Gen(data_dir)
    r = g.rng
    weights = [t["weight"] for t in T]
    by_key = {t["key"]: t for t in T}
    rows = []
    for _ in range(N_ROWS):
        t = r.choices(T, weights)[0]
        ev = r.choices(["full", "mac", "vendor", "model"], [55, 15, 15, 15])[0]
        if t["key"] == "unknown" and ev in ("vendor", "model"):
            ev = "mac"
        rows.append(g.row(t, ev))

    # --- netvet-relevant special cases, placed at deterministic positions -----------------------
    def put(row):
        rows.insert(r.randrange(1, len(rows)), row)

    # 2 Netgear routers that hold a Conditional Approval (authorized after the router listing)
    for model in ("Orbi RBR750", "Nighthawk RAX50"):
        row = g.row(by_key["netgear"], "full", model=model, site_kind="subscriber")
        fa = ROUTER_LISTING + timedelta(days=r.randint(30, 90))
        row.update(
            {
                "Vendor": "NETGEAR",
                "Device Type": "Consumer Router",
                "First Authorized": fa.isoformat(),
                "Purchase Date": (fa + timedelta(days=21)).isoformat(),
                "Conditional Approval": "yes",
                "Country of Origin": "Vietnam",
                "Intended Use": "subscriber CPE",
            }
        )
        put(row)
    # rows where the fields disagree
    row = g.row(
        by_key["hik-cam"], "full", model="DS-2CD2143G2-I", site_kind="utility"
    )  # Realtek NIC MAC, no vendor
    row.update(
        {
            "Vendor": "",
            "Intended Use": "perimeter security of water treatment plant",
            "Site": "Rifle Water Treatment Plant",
            "Hostname": g.hostname("cam", "wtp"),
            "MAC Address": g.fmt_mac(g.mac_for(["REALTEK SEMICONDUCTOR CORP."])),
        }
    )
    put(row)
    row = g.row(by_key["hik-cam"], "full", model="DS-2CD2047G2-LU")  # Realtek MA-S block, wrong vendor string
    row.update(
        {
            "Vendor": "Axis",
            "MAC Address": g.fmt_mac(g.mac_for(["Realtek Semiconductor Corp."], allow_small=True)),
        }
    )
    put(row)
    row = g.row(
        by_key["lorex-cam"], "full", model="LNB8005"
    )  # Lorex-branded camera whose MAC is in a Dahua block
    row.update({"MAC Address": g.fmt_mac(g.mac_for(["Zhejiang Dahua Technology Co., Ltd."]))})
    put(row)
    row = g.row(by_key["hw-sw"], "full")  # asset system says Cisco, model and MAC are Huawei
    row.update({"Vendor": "Cisco", "Country of Origin": "CN"})
    put(row)
    row = g.row(
        by_key["tplink-rtr"], "full", model="Archer AX21"
    )  # model says TP-Link, MAC from a Netgear block
    row.update({"Vendor": "TP-Link", "MAC Address": g.fmt_mac(g.mac_for(["NETGEAR"]))})
    put(row)
    # MA-M / MA-S blocks chosen by registrant name
    for key, name in (
        ("autel", "Autel Robotics USA LLC"),
        ("solaredge-inv", "Solaredge LTD."),
        ("solaredge-inv", "SolarEdge Technologies"),
        ("hik-cam", "Hangzhou Hikrobot Technology Co., Ltd."),
    ):
        row = g.row(by_key[key], "full")
        mam = [b for b in g.blocks[name] if b[0] in ("MA-M", "MA-S")]
        row["MAC Address"] = g.fmt_mac(g.mac_from_block(r.choice(mam)[1]))
        if key == "hik-cam":  # a Hikrobot machine-vision camera at the warehouse
            row.update(
                {
                    "Vendor": "Hikrobot",
                    "Model": "MV-CS050-10GM",
                    "Intended Use": "warehouse parcel scanning",
                    "Site": "Warehouse New Castle",
                    "Hostname": g.hostname("cam", "whse"),
                    "FCC ID": "",
                }
            )
        put(row)
    # unknown gear at tower sites whose NIC sits in some small (MA-S / MA-M) block
    for reg in ("MA-S", "MA-S", "MA-M"):
        row = g.row(by_key["unknown"], "full")
        row["MAC Address"] = g.fmt_mac(g.mac_from_block(r.choice(g.by_registry[reg])[1]))
        put(row)
    # 3 locally administered MACs (randomised / virtual) and 2 multicast ones
    for first in (0x02, 0xDA, 0x4E):
        row = g.row(by_key[r.choice(["tplink-rtr", "unknown", "hw-cpe"])], "mac")
        row["MAC Address"] = g.fmt_mac(g.local_mac(first))
        put(row)
    for mac in (
        "01:00:5E:" + ":".join(f"{r.randrange(256):02X}" for _ in range(3)),
        "33:33:" + ":".join(f"{r.randrange(256):02X}" for _ in range(4)),
    ):
        row = g.row(by_key["unknown"], "mac")
        row["MAC Address"] = mac
        put(row)
    return g, rows


def write(data_dir: Path, out: Path):
    g, rows = build_rows(data_dir)
    r = g.rng
    # Malformed rows: (kind, row dict or raw line).  Positions are drawn deterministically.
    lines = []
    for row in rows:
        buf = io.StringIO()
        csv.writer(buf, lineterminator="\n").writerow([row[h] for h in HEADER])
        lines.append(buf.getvalue())

    used = set()

    def pick(pred=lambda row: True):
        while True:
            i = r.randrange(5, len(rows) - 5)
            if i not in used and pred(rows[i]):
                used.add(i)
                return i

    def csvline(row):
        buf = io.StringIO()
        csv.writer(buf, lineterminator="\n").writerow([row[h] for h in HEADER])
        return buf.getvalue()

    malformed = []
    i = pick(lambda x: x["MAC Address"] and x["Vendor"])
    rows[i]["MAC Address"] = "zz:zz:zz:00:11:22"
    lines[i] = csvline(rows[i])
    malformed.append((i, "MAC zz:zz:zz:00:11:22"))
    i = pick(lambda x: x["Purchase Date"])
    rows[i]["Purchase Date"] = "2019-13-45"
    lines[i] = csvline(rows[i])
    malformed.append((i, "purchase date 2019-13-45"))
    i = pick(lambda x: x["Cost (USD)"])
    rows[i]["Cost (USD)"] = "n/a"
    lines[i] = csvline(rows[i])
    malformed.append((i, "cost n/a"))
    i = pick(lambda x: x["IP Address"].startswith("10."))
    rows[i]["IP Address"] = "10.0.0.300"
    lines[i] = csvline(rows[i])
    malformed.append((i, "IP 10.0.0.300"))
    # a row with an unquoted comma in a free-text field: 17 columns
    i = pick(lambda x: x["Device Type"] == "IP Camera" and not any("," in v or '"' in v for v in x.values()))
    rows[i]["Intended Use"] = "lobby camera, retail store"
    lines[i] = ",".join(rows[i][h] for h in HEADER) + "\n"
    malformed.append((i, "unquoted comma: 17 columns"))
    # a truncated row: 9 columns
    i = pick(lambda x: not any("," in v or '"' in v for v in x.values()))
    lines[i] = ",".join(rows[i][h] for h in HEADER[:9]) + "\n"
    malformed.append((i, "truncated: 9 columns"))
    # an empty line and a whitespace-only line, inserted (not replacing data rows)
    j = r.randrange(50, len(lines) - 50)
    lines.insert(j, "\n")
    malformed = [(k + (k >= j), d) for k, d in malformed] + [(j, "empty line")]
    j = r.randrange(50, len(lines) - 50)
    lines.insert(j, "   \t  \n")
    malformed = [(k + (k >= j), d) for k, d in malformed] + [(j, "whitespace-only line")]

    out.parent.mkdir(parents=True, exist_ok=True)
    with open(out, "w", newline="", encoding="utf-8") as f:
        csv.writer(f, lineterminator="\n").writerow(HEADER)
        f.writelines(lines)
    stats = {}
    for row in rows:
        stats[row["_vendor"]] = stats.get(row["_vendor"], 0) + 1
    return len(lines), sorted((k + 2, d) for k, d in malformed), stats  # file line numbers (header = line 1)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("data_dir", nargs="?", default=str(DEFAULT_DATA), help="netvet shared data folder")
    ap.add_argument("--out", default=str(DEFAULT_OUT))
    ap.add_argument("--quiet", action="store_true")
    ap.add_argument("--stats", action="store_true", help="print the vendor mix behind the rows")
    a = ap.parse_args(argv)
    n, malformed, stats = write(Path(a.data_dir), Path(a.out))
    if not a.quiet:
        print(f"wrote {a.out}: {n} lines after the header")
        for line, what in malformed:
            print(f"  malformed on purpose, line {line}: {what}")
    if a.stats:
        for v, k in sorted(stats.items(), key=lambda x: (-x[1], x[0])):
            print(f"  {v:20s} {k}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
