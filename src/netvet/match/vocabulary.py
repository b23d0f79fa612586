"""Word classes for organisation names: legal forms, industry words and places.

Chinese company names follow [place][trade name][industry][legal form]; the trade name is what
identifies the company, the industry word separates companies sharing a trade name, and the
place and legal form say little. Western names follow the same pattern closely enough.
"""

LEGAL_FORMS = frozenset(
    """
    co company companies corp corporation inc incorporated ltd limited llc lc plc gmbh mbh ag kg
    sa sau sas sarl srl spa bv nv ab as asa oy oyj pte pty pvt private kk jsc ojsc pjsc ooo ao pao
    zao oao sro zrt kft doo dooel sl slu lp llp se the and of de et cie sdn bhd tbk fze fzco fz
    """.split()
)

HAN_LEGAL_FORMS = ("股份有限公司", "有限责任公司", "有限公司", "集团", "公司")

INDUSTRY_WORDS = frozenset(
    """
    technology technologies tech digital communication communications telecommunication
    telecommunications telecom network networks networking electronic electronics system systems
    information intelligent intelligence software device devices international industrial
    industries industry group holding holdings science sciences equipment solutions solution
    services service products product trading manufacturing manufacturer enterprise enterprises
    global new data smart vision security innovation innovations investment development computer
    computers microelectronics optoelectronics terminal photonics robotics robot labs lab
    engineering instruments instrument power energy media wireless mobile operations factory
    """.split()
)

PLACES = frozenset(
    """
    beijing shanghai shenzhen hangzhou zhejiang guangdong guangzhou jiangsu suzhou wuxi nanjing
    wuhan chengdu xiamen fujian dongguan tianjin chongqing qingdao shandong hefei anhui hunan
    changsha xian sichuan hubei hebei ningbo zhuhai foshan huizhou sz hk usa us america americas
    north south china india japan uk europe european middle east asia pacific canada germany
    taiwan korea singapore russia israel france italy spain brazil mexico australia
    """.split()
)

# Spellings that stand for an industry word: abbreviations, and the pinyin of the Chinese
# industry words (技术 jishu, 科技 keji, 通讯 tongxun, ...), so every spelling compares alike.
CANONICAL = {
    "tech": "technology",
    "intl": "international",
    "comm": "communication",
    "comms": "communication",
    "mfg": "manufacturing",
    "elec": "electronic",
    "inds": "industry",
    "info": "information",
    "sys": "system",
    "telecom": "telecommunication",
    "telecoms": "telecommunication",
    "jishu": "technology",
    "keji": "technology",
    "tongxun": "telecommunication",
    "tongxin": "telecommunication",
    "dianzi": "electronic",
    "shuzi": "digital",
    "wangluo": "network",
    "zhineng": "intelligent",
    "xinxi": "information",
    "ruanjian": "software",
    "shebei": "equipment",
    "guoji": "international",
    "jituan": "group",
    "konggu": "holding",
    "touzi": "investment",
    "fazhan": "development",
    "gongye": "industrial",
    "kexue": "science",
    "zhongduan": "terminal",
    "zhongguo": "china",
}

PINYIN_LEGAL_FORMS = frozenset("youxian gongsi gufen zeren".split())

PINYIN_WORDS = frozenset(CANONICAL) | PINYIN_LEGAL_FORMS
