"""Boomi answers XML unless the client asks for JSON; a small, generic rendering of our JSON."""

from xml.sax.saxutils import escape

NAMESPACE = "http://api.platform.boomi.com/"


def to_xml(payload, root=None):
    if root == "error":
        return "<error><message>%s</message></error>" % escape(str(payload.get("message", "")))
    name = root or payload.get("@type", "Result")
    return '<?xml version="1.0" encoding="UTF-8"?>' + _element("bns:" + name, payload, top=True)


def _element(tag, value, top=False):
    ns = ' xmlns:bns="%s"' % NAMESPACE if top else ""
    if isinstance(value, dict):
        inner = "".join(_child(k, v) for k, v in value.items() if k != "@type")
        return "<%s%s>%s</%s>" % (tag, ns, inner, tag)
    return "<%s%s>%s</%s>" % (tag, ns, escape(_text(value)), tag)


def _child(key, value):
    if isinstance(value, list):
        return "".join(_element("bns:" + key, item) for item in value)
    return _element("bns:" + key, value)


def _text(value):
    if isinstance(value, bool):
        return "true" if value else "false"
    return "" if value is None else str(value)
