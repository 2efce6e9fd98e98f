"""Alaveteli request pages saved as HTML (WhatDoTheyKnow, RightToKnow, FYI, AskTheEU …).

A request page shows the request's title, "X made this … request to Y", the site's status block,
and the correspondence: one block per message, ``incoming`` (the authority's) or ``outgoing``
(the requester's), each with a header (sender, ``<time datetime=…>``), the body
(``correspondence_text``) and the attachment list; annotations sit between them. The page is
read with a maintained HTML parser (Beautiful Soup), by those elements and classes, which
Alaveteli's core templates give every site and theme; headings whose class names differ in an
older theme are read from the block's first heading instead.

What the page does not show is not invented: a folded quoted section ("show quoted sections") is
not in the page, so it is not in the text; attachments are listed by name (the page links to
them, and the library never goes online); the site's state is the request's and describes its
latest response, so it goes on the last authority message only.

An attachment's HTML view ("This is an HTML version of an attachment to the … request …") is
read as that attachment's text: one authority message whose body is the attachment.

>>> page = '''<html><head><title>Bins - a Freedom of Information request to Exampleshire Council</title></head><body>
... <p class="request-header__subtitle"><a>Jo Bloggs</a> made this Freedom of Information request to <a>Exampleshire Council</a></p>
... <div id="request_status" class="request-status-message request-status-message--rejected"><p>The request was refused.</p></div>
... <div class="outgoing correspondence" id="outgoing-1"><div class="correspondence__header">
... <span class="correspondence__header__author">Jo Bloggs</span><time datetime="2024-05-02T10:00:00+01:00">2 May 2024</time></div>
... <div class="correspondence_text"><p>Please send the bin contract.</p></div></div>
... <div class="incoming correspondence" id="incoming-2"><div class="correspondence__header">
... <span class="correspondence__header__author">FOI Team, Exampleshire Council</span><time datetime="2024-05-30T09:00:00+01:00">30 May 2024</time></div>
... <div class="correspondence_text"><p>The contract is exempt under section 43(2) of the Freedom of Information Act 2000.</p>
... <p><span class="unfold_link"><a href="?unfold=1">show quoted sections</a></span></p></div></div></body></html>'''
>>> request = read_alaveteli_page(page)
>>> request.title, request.requester, request.authority, request.state
('Bins', 'Jo Bloggs', 'Exampleshire Council', 'rejected')
>>> [(m.role, m.sender, m.date, m.site_state) for m in request.messages]
[('requester', 'Jo Bloggs', '2024-05-02T10:00:00+01:00', ''), ('authority', 'FOI Team, Exampleshire Council', '2024-05-30T09:00:00+01:00', 'rejected')]
>>> request.messages[1].text
'The contract is exempt under section 43(2) of the Freedom of Information Act 2000.'
"""  # noqa: E501 (doctest lines)

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any

from .attachments import Attachment
from .readers import SourceMessage
from .text import MARKUP_SPACE

_ATTACHMENT_VIEW = re.compile(
    r"This is an HTML version of an attachment to the\s+(?P<law>.+?)\s+request\s+['‘\"“](?"
    r"P<title>.+?)['’\"”]",
    re.DOTALL,
)
_SUBTITLE = re.compile(
    r"^(?P<user>.+?)\s+made this\s+(?P<law>.+?)\s+request to\s+(?P<body>.+?)\s*\.?$", re.DOTALL
)
_STATE_CLASS = re.compile(r"^(?:request-status-message--|icon_)(?P<state>[a-z_]+)$")
_TITLE_SUFFIX = re.compile(r"\s+-\s+an?\s+.+?\s+request to\s+.+$", re.DOTALL)
_ANNOTATION_AUTHOR = re.compile(r"^(?P<author>.+?)\s+left an annotation\b", re.DOTALL)


@dataclass(frozen=True)
class AlaveteliPage:
    """What a saved request page shows: the request, its site state (the status block's class,
    whatever the site's language, and its text) and its messages, oldest first."""

    title: str
    requester: str
    authority: str
    state: str
    status_text: str
    messages: tuple[SourceMessage, ...]


def _text(node: Any) -> str:
    """The visible text of an element as a browser shows it: a run of white space in the markup,
    line breaks included, is one space (outside ``<pre>``); ``<br>`` and block elements break
    lines. Alaveteli prints an e-mail's lines as ``<br />`` followed by a newline in the markup,
    which is one line break, not a blank line between every two lines."""
    for string in node.find_all(string=True):
        collapsed = MARKUP_SPACE.sub(" ", string)
        if collapsed != string and string.find_parent("pre") is None:
            string.replace_with(collapsed)
    for br in node.find_all("br"):
        br.replace_with("\n")
    for block in node.find_all(["p", "div", "li", "tr", "h1", "h2", "h3", "h4"]):
        block.insert_before("\n")
        block.insert_after("\n")
    lines = (" ".join(line.split()) for line in node.get_text().splitlines())
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def _one_line(node: Any) -> str:
    return " ".join(node.get_text(" ").split()) if node is not None else ""


def _soup(html: str) -> Any:
    from bs4 import BeautifulSoup

    return BeautifulSoup(html, "html.parser")


def _attachments(block: Any) -> tuple[Attachment, ...]:
    names = [_one_line(name) for name in block.select(".attachment__name, .attachment_name")]
    if not names:  # an older theme: the link text of each listed attachment
        names = [
            _one_line(item.find("a"))
            for item in block.select(".list-of-attachments li, .attachments li")
            if item.find("a")
        ]
    return tuple(
        Attachment(name, error="listed on the page; its text is not in the saved page")
        for name in names
        if name
    )


def _message(
    block: Any, index: int, thread_id: str, authority: str, requester: str
) -> SourceMessage:
    classes = set(block.get("class", []))
    role = (
        "authority"
        if "incoming" in classes
        else "requester"
        if "outgoing" in classes
        else "unknown"
    )
    header = block.select_one(".correspondence__header") or block.find(["h2", "h3"])
    time = block.find("time")
    date = (time.get("datetime") or _one_line(time)) if time is not None else ""
    author = block.select_one(".correspondence__header__author")
    if author is not None:
        sender = _one_line(author)
    else:  # an older theme: the header's text without its date
        sender = _one_line(header)
        if time is not None:
            sender = sender.replace(_one_line(time), "")
        sender = re.sub(r"^(?:From|To):\s*", "", sender.strip()).strip()
    if role == "authority" and sender.endswith(",") and authority:
        sender = f"{sender} {authority}"  # "Despatch Box," → "Despatch Box, Ministry of …"
    body = block.select_one(".correspondence_text")
    attachments = _attachments(block)
    folded = False
    if body is not None:
        for listed in body.select(".attachments, .list-of-attachments"):
            listed.decompose()
        for link in body.select(".unfold_link"):
            folded = True
            (link.find_parent("p") or link).decompose()
    text = _text(body) if body is not None else ""
    return SourceMessage(
        thread_id=thread_id,
        index=index,
        role=role,
        text=text,
        attachments=attachments,
        date=date,
        authority=authority,
        sender=sender or (requester if role == "requester" else ""),
        extra={"message_id": block.get("id", ""), "folded_quote": folded},
    )


def _annotation(block: Any, index: int, thread_id: str, authority: str) -> SourceMessage:
    heading = block.find(["h2", "h3"])
    time = block.find("time")
    author = _ANNOTATION_AUTHOR.match(_one_line(heading))
    text_node = block.select_one(".comment_in_request_text") or block
    return SourceMessage(
        thread_id=thread_id,
        index=index,
        role="annotation",
        text=_text(text_node),
        date=(time.get("datetime") or _one_line(time)) if time is not None else "",
        authority=authority,
        sender=author.group("author") if author else "",
        extra={"message_id": block.get("id", ""), "folded_quote": False},
    )


def _state(soup: Any) -> tuple[str, str]:
    status = soup.select_one("#request_status") or soup.select_one(".request-status-message")
    if status is None:
        return "", ""
    for node in [status, *status.find_all(True)]:
        for cls in node.get("class", []):
            match = _STATE_CLASS.match(cls)
            if match:
                return match.group("state"), _one_line(status)
    return "", _one_line(status)


def _title(soup: Any) -> str:
    heading = soup.select_one(".request-header h1, h1.request-header__title, #request_header h1")
    if heading is not None:
        return _one_line(heading)
    if soup.title is not None:
        return _TITLE_SUFFIX.sub("", _one_line(soup.title)).strip()
    return ""


def read_alaveteli_page(html: str, thread_id: str = "page") -> AlaveteliPage:
    """Read a saved Alaveteli request page (or an attachment's HTML view) into its messages.

    Raises ``ValueError`` when the HTML is neither: the caller names the file."""
    soup = _soup(html)
    body_text = _one_line(soup.body or soup)
    view = _ATTACHMENT_VIEW.search(body_text[:2000])
    if view and not soup.select(".correspondence"):
        for banner in soup.find_all(string=re.compile("This is an HTML version of an attachment")):
            (banner.find_parent(["p", "div"]) or banner).extract()
        title = " ".join(view.group("title").split())
        message = SourceMessage(
            thread_id,
            0,
            "authority",
            _text(soup.body or soup),
            extra={"message_id": "", "folded_quote": False, "attachment_view": True},
        )
        return AlaveteliPage(title, "", "", "", "", (message,))
    subtitle_node = soup.select_one(
        ".request-header__subtitle, #request_header .subtitle, .subtitle"
    )
    subtitle = _SUBTITLE.match(_one_line(subtitle_node))
    links = [_one_line(a) for a in subtitle_node.find_all("a")] if subtitle_node is not None else []
    # the requester's and the authority's links; the line may go on ("This request has been
    # closed …"), so the links are read first, the sentence's words otherwise
    if len(links) >= 2:
        requester, authority = links[0], links[1]
    elif subtitle:
        requester, authority = (" ".join(subtitle.group(g).split()) for g in ("user", "body"))
    else:
        requester = authority = ""
    blocks = soup.select("div.correspondence, div.comment_in_request")
    if not blocks:
        raise ValueError("not an Alaveteli request page: no correspondence blocks")
    messages = []
    for index, block in enumerate(blocks):
        if "comment_in_request" in block.get("class", []):
            messages.append(_annotation(block, index, thread_id, authority))
        else:
            messages.append(_message(block, index, thread_id, authority, requester))
    state, status_text = _state(soup)
    last = max((i for i, m in enumerate(messages) if m.role == "authority"), default=None)
    if last is not None and state:
        messages[last] = replace(messages[last], site_state=state)
    title = _title(soup)
    messages = [replace(m, subject=title) for m in messages]
    return AlaveteliPage(title, requester, authority, state, status_text, tuple(messages))
