"""What Nmap's scripts say about a device, as banner text: each script id has a reader that takes
the structured `<elem key=...>`/`<table key=...>` children Nmap writes, else the `output`
attribute. Scripts whose output names no maker (ssh-hostkey's key fingerprints, the method lists
of rtsp-methods and sip-methods) are not read; RTSP and SIP server names come through the
service's product and raw answers, which the reader takes from `-sV`."""

from collections.abc import Callable
from typing import Any

ScriptReader = Callable[[Any], str | None]
# The parts of a certificate's subject and issuer that name who made or issued it.
CERT_NAME_KEYS = ("commonName", "organizationName", "organizationalUnitName")
UPNP_FIELDS = ("Server", "Webserver", "Name", "Manufacturer", "Model Name", "Model Descr", "Model Version")
NO_TITLE = "Site doesn't have a title"
UPTIME_LINE = "System uptime:"
SCRIPT_FAILED = "ERROR: Script execution failed"


def elem_values(node: Any) -> dict[str, str]:
    """The text of a node's direct `<elem key=...>` children, by key."""
    return {e.get("key"): (e.text or "").strip() for e in node.findall("elem") if e.get("key")}


def child_table(node: Any, key: str) -> Any:
    """A node's direct `<table key=...>` child, or None."""
    return next((t for t in node.findall("table") if t.get("key") == key), None)


def output_of(script: Any) -> str | None:
    """The script's output text, trimmed; None when empty or when the script failed."""
    text = (script.get("output") or "").strip()
    return text if text and not text.startswith(SCRIPT_FAILED) else None


def cert_names(script: Any) -> str | None:
    """ssl-cert: the subject's and issuer's names (`Subject: commonName=... organizationName=...`);
    a device's self-signed certificate often names its maker."""
    parts = []
    for key in ("subject", "issuer"):
        table = child_table(script, key)
        names = elem_values(table) if table is not None else {}
        fields = " ".join(f"{k}={names[k]}" for k in CERT_NAME_KEYS if names.get(k))
        if fields:
            parts.append(f"{key.capitalize()}: {fields}")
    if parts:
        return "; ".join(parts)
    lines = (output_of(script) or "").splitlines()
    return "; ".join(line for line in lines if line.startswith(("Subject:", "Issuer:"))) or None


def page_title(script: Any) -> str | None:
    """http-title: the page title (Nmap's 'no title' message is not one)."""
    title = elem_values(script).get("title")
    if title:
        return f"title: {title}"
    text = output_of(script)
    return f"title: {text}" if text and not text.startswith(NO_TITLE) else None


def server_header(script: Any) -> str | None:
    """http-server-header: the Server header values (keyless `<elem>`s), else the output."""
    values = [(e.text or "").strip() for e in script.findall("elem") if not e.get("key")]
    return " ".join(v for v in values if v) or output_of(script)


def upnp_fields(script: Any) -> str | None:
    """upnp-info: the server, manufacturer and model lines of the device description."""
    found = []
    for line in (output_of(script) or "").splitlines():
        name, _, value = line.strip().partition(":")
        if name in UPNP_FIELDS and value.strip():
            found.append(f"{name}: {value.strip()}")
    return "; ".join(found) or None


def sysdescr_of(script: Any) -> str | None:
    """snmp-sysdescr: the sysDescr, without the uptime line Nmap appends."""
    lines = (output_of(script) or "").splitlines()
    kept = [line for line in lines if not line.strip().startswith(UPTIME_LINE)]
    return "\n".join(kept).strip() or None


# fingerprint-strings holds the raw answers of a service Nmap did not recognise (e.g. its
# "Server:" header): often the only place an unknown device names its maker.
BANNER_SCRIPTS: dict[str, ScriptReader] = {
    "ssl-cert": cert_names,
    "http-title": page_title,
    "http-server-header": server_header,
    "upnp-info": upnp_fields,
    "banner": output_of,
    "fingerprint-strings": output_of,
}


def script_banners(port: Any) -> list[str]:
    """The banner text of every script run on a port that netvet reads."""
    found = []
    for script in port.iter("script"):
        reader = BANNER_SCRIPTS.get(script.get("id", ""))
        text = reader(script) if reader else None
        if text:
            found.append(text)
    return found


def host_sysdescr(host: Any) -> str | None:
    """The first sysDescr snmp-sysdescr read on any of the host's ports."""
    for script in host.iter("script"):
        if script.get("id") == "snmp-sysdescr" and (text := sysdescr_of(script)):
            return text
    return None
