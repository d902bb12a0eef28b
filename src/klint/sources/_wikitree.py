"""mwparserfromhell's parse tree, built with less overhead.

``mwparserfromhell.parse`` tokenizes in C, then builds the tree in Python, and the
building costs twice the tokenizing: every node is made through its property setters,
each of which passes its value through ``parse_anything`` (four imports a call) and a
positional parameter checks by a pattern that its key may be hidden. :func:`parse`
builds the same tree from the same tokens, making the commonest nodes (text, links,
templates and their parameters, tags and their attributes, headings, external links,
and the lists that hold them) by setting the fields the setters would set; the rarer
ones (entities, comments…) are made as the library makes them.

The first call checks the tree on a sample holding every kind of node against the
library's own; if they ever differ (another version of the library), :func:`parse` is
``mwparserfromhell.parse``.
"""

from __future__ import annotations

from typing import Any

import mwparserfromhell
from mwparserfromhell.nodes import ExternalLink, Heading, Tag, Template, Text, Wikilink
from mwparserfromhell.nodes.extras import Attribute, Parameter
from mwparserfromhell.parser import Parser, tokens
from mwparserfromhell.parser.builder import Builder
from mwparserfromhell.smart_list import SmartList
from mwparserfromhell.wikicode import Wikicode

_new = object.__new__
_new_list = list.__new__
_init_list = list.__init__
_TEXT = tokens.Text
_PARAM_SEPARATOR = tokens.TemplateParamSeparator
_PARAM_EQUALS = tokens.TemplateParamEquals
_TEMPLATE_CLOSE = tokens.TemplateClose
_LINK_SEPARATOR = tokens.WikilinkSeparator
_LINK_CLOSE = tokens.WikilinkClose
_ATTR_END = (tokens.TagAttrStart, tokens.TagCloseOpen, tokens.TagCloseSelfclose)


def _code(nodes: list[Any]) -> Wikicode:
    held = _new_list(SmartList)  # as SmartList(nodes), without its __new__ in Python
    _init_list(held, nodes)
    held._children = {}  # type: ignore[attr-defined]  # set by SmartList.__new__
    code = _new(Wikicode)
    code._nodes = held
    return code


def _text(value: str) -> Text:
    node = _new(Text)
    node._value = value
    return node


class _Builder(Builder):
    """The library's builder with the commonest nodes made directly."""

    def _pop(self) -> Wikicode:
        return _code(self._stacks.pop())

    def _handle_token(self, token: Any) -> Any:
        kind = type(token)
        if kind is _TEXT:
            return _text(token["text"])
        if kind is tokens.TemplateOpen:
            return self._template()
        if kind is tokens.WikilinkOpen:
            return self._wikilink()
        if kind is tokens.TagOpenOpen:
            return self._tag(token)
        if kind is tokens.HeadingStart:
            return self._heading(token)
        if kind is tokens.ExternalLinkOpen:
            return self._external_link(token)
        return super()._handle_token(token)

    def _parameter(self, default: int) -> Parameter:
        stack = self._tokens
        key = None
        showkey = False
        nodes: list[Any] = []
        while stack:
            token = stack.pop()
            kind = type(token)
            if kind is _TEXT:
                nodes.append(_text(token["text"]))
            elif kind is _PARAM_EQUALS:
                key = _code(nodes)
                showkey = True
                nodes = []
            elif kind is _PARAM_SEPARATOR or kind is _TEMPLATE_CLOSE:
                stack.append(token)
                param = _new(Parameter)
                param._name = _code([_text(str(default))]) if key is None else key
                param._value = _code(nodes)
                param._showkey = showkey
                return param
            else:
                nodes.append(self._handle_token(token))
        raise mwparserfromhell.parser.ParserError("_parameter() missed a close token")

    def _template(self) -> Template:
        stack = self._tokens
        name = None
        params: list[Parameter] = []
        default = 1
        nodes: list[Any] = []
        while stack:
            token = stack.pop()
            kind = type(token)
            if kind is _TEXT:
                nodes.append(_text(token["text"]))
            elif kind is _PARAM_SEPARATOR:
                if not params:
                    name = _code(nodes)
                param = self._parameter(default)
                params.append(param)
                if not param._showkey:
                    default += 1
            elif kind is _TEMPLATE_CLOSE:
                node = _new(Template)
                node._name = name if name is not None else _code(nodes)
                node._params = params
                return node
            else:
                nodes.append(self._handle_token(token))
        raise mwparserfromhell.parser.ParserError("_template() missed a close token")

    def _wikilink(self) -> Wikilink:
        stack = self._tokens
        title = None
        nodes: list[Any] = []
        while stack:
            token = stack.pop()
            kind = type(token)
            if kind is _TEXT:
                nodes.append(_text(token["text"]))
            elif kind is _LINK_SEPARATOR:
                title = _code(nodes)
                nodes = []
            elif kind is _LINK_CLOSE:
                node = _new(Wikilink)
                if title is None:
                    node._title, node._text = _code(nodes), None
                else:
                    node._title, node._text = title, _code(nodes)
                return node
            else:
                nodes.append(self._handle_token(token))
        raise mwparserfromhell.parser.ParserError("_wikilink() missed a close token")

    def _heading(self, start: Any) -> Heading:
        stack = self._tokens
        nodes: list[Any] = []
        while stack:
            token = stack.pop()
            kind = type(token)
            if kind is _TEXT:
                nodes.append(_text(token["text"]))
            elif kind is tokens.HeadingEnd:
                node = _new(Heading)
                node._title = _code(nodes)
                node._level = start.get("level")
                return node
            else:
                nodes.append(self._handle_token(token))
        raise mwparserfromhell.parser.ParserError("_heading() missed a close token")

    def _external_link(self, start: Any) -> ExternalLink:
        stack = self._tokens
        url = None
        suppress_space = None
        nodes: list[Any] = []
        while stack:
            token = stack.pop()
            kind = type(token)
            if kind is _TEXT:
                nodes.append(_text(token["text"]))
            elif kind is tokens.ExternalLinkSeparator:
                url = _code(nodes)
                suppress_space = token.get("suppress_space")
                nodes = []
            elif kind is tokens.ExternalLinkClose:
                node = _new(ExternalLink)
                if url is None:
                    node._url, node._title = _code(nodes), None
                else:
                    node._url, node._title = url, _code(nodes)
                node._brackets = bool(start.get("brackets"))
                node.suppress_space = suppress_space is True
                return node
            else:
                nodes.append(self._handle_token(token))
        raise mwparserfromhell.parser.ParserError("_external_link() missed a close token")

    def _attribute(self, start: Any) -> Attribute:
        """As the library's ``_handle_attribute``, then ``Attribute(...)`` field by field,
        raising where its setters would (an unquoted value with spaces, padding that is not)."""
        stack = self._tokens
        name = quotes = None
        nodes: list[Any] = []
        while stack:
            token = stack.pop()
            kind = type(token)
            if kind is _TEXT:
                nodes.append(_text(token["text"]))
            elif kind is tokens.TagAttrEquals:
                name = _code(nodes)
                nodes = []
            elif kind is tokens.TagAttrQuote:
                quotes = token.get("char") or None
            elif kind in _ATTR_END:
                stack.append(token)
                node = _new(Attribute)
                if name is None:
                    node._name, node._value = _code(nodes), None
                else:
                    node._name, node._value = name, _code(nodes)
                    if quotes is None and Attribute._value_needs_quotes(node._value):
                        raise ValueError("attribute value requires quotes")
                node._quotes = quotes
                for field in ("pad_first", "pad_before_eq", "pad_after_eq"):
                    pad = start.get(field) or ""
                    if pad and not pad.isspace():
                        raise ValueError("padding must be entirely whitespace")
                    setattr(node, "_" + field, pad)
                return node
            else:
                nodes.append(self._handle_token(token))
        raise mwparserfromhell.parser.ParserError("_attribute() missed a close token")

    def _tag(self, token: Any) -> Tag:
        """As the library's ``_handle_tag``, then ``Tag(...)`` field by field (a token's
        fields read by ``get``: a token is a dict whose ``__getattr__`` calls it)."""
        stack = self._tokens
        node = _new(Tag)
        wiki_markup = token.get("wiki_markup") or None
        node._wiki_markup = node._closing_wiki_markup = wiki_markup
        node._invalid = bool(token.get("invalid"))
        node._implicit = node._self_closing = False
        node._attrs = []
        node._wiki_style_separator = None
        contents = None
        padding = ""
        nodes: list[Any] = []
        while stack:
            token = stack.pop()
            kind = type(token)
            if kind is _TEXT:
                nodes.append(_text(token["text"]))
            elif kind is tokens.TagAttrStart:
                node._attrs.append(self._attribute(token))
            elif kind is tokens.TagCloseOpen:
                node._wiki_style_separator = token.get("wiki_markup") or None
                padding = token.get("padding") or ""
                node._tag = _code(nodes)
                nodes = []
            elif kind is tokens.TagOpenClose:
                closing = token.get("wiki_markup")
                if closing is not None:
                    node._closing_wiki_markup = closing or None
                contents = _code(nodes)
                nodes = []
            elif kind is tokens.TagCloseSelfclose:
                closing = token.get("wiki_markup")
                if closing is not None:
                    node._closing_wiki_markup = closing or None
                node._tag = node._closing_tag = _code(nodes)
                node._self_closing = True
                padding = token.get("padding") or ""
                node._implicit = bool(token.get("implicit"))
                break
            elif kind is tokens.TagCloseClose:
                node._closing_tag = _code(nodes)
                break
            else:
                nodes.append(self._handle_token(token))
        else:
            raise mwparserfromhell.parser.ParserError("_tag() missed a close token")
        if padding and not padding.isspace():
            raise ValueError("padding must be entirely whitespace")
        node._padding = padding
        node._contents = _code([]) if contents is None else contents
        return node


#: a sample with every kind of node the tokenizer makes, to check the tree against the library's
_SAMPLE = (
    "== A ''b'' ==\n{{t|x|k = [[L|''y'']]|{{u}}}} [[A]] [[B|c]] '''d''' &amp; &#91; &#x5B;"
    ' <!-- c --> [http://e.com f] http://g.com {{{1|z}}} <ref name="r">q</ref> <br/>\n'
    '* i\n# j\n; k : l\n----\n{| class="w"\n|+ cap\n|-\n! h !! h2\n| a || b\n|}\n'
    "<span style='x' id=y hidden>s</span> <nowiki>[[n]]</nowiki> {{#if:a|b}} [[File:x.jpg|thumb|c]]\n"
)


def _dump(node: Any) -> Any:
    """A node, its fields and its children, as nested tuples and lists (for comparing)."""
    if isinstance(node, list):
        return [type(node).__name__, [_dump(x) for x in node]]
    if hasattr(node, "__dict__"):
        return (type(node).__name__, sorted((k, _dump(v)) for k, v in vars(node).items()))
    return node


def _check() -> bool:
    """Whether :class:`_Builder` builds the library's tree for :data:`_SAMPLE`."""
    parser = Parser()
    ours = _Builder().build(parser._tokenizer.tokenize(_SAMPLE, 0, False))
    return _dump(ours) == _dump(mwparserfromhell.parse(_SAMPLE, skip_style_tags=False))


_checked: list[bool] = []


def parse(text: str) -> Wikicode:
    """``mwparserfromhell.parse(text, skip_style_tags=False)``, built faster."""
    if not _checked:
        _checked.append(_check())
    if not _checked[0]:
        return mwparserfromhell.parse(text, skip_style_tags=False)
    parser = Parser()
    return _Builder().build(parser._tokenizer.tokenize(text, 0, False))
