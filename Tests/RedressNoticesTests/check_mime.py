#!/usr/bin/env python3
"""Checks Redress notice emails and MIME messages with Python's strict email parser.

Usage: check_mime.py MANIFEST.json

The manifest is a JSON list of cases. Each case names a message file ("file") and what it
must hold; every key but "file" is optional:

  from / to            {"name": ..., "address": ...}: the one mailbox of the header
  subject              the decoded subject, exactly
  message_id, in_reply_to, references   exact header values
  date                 an ISO 8601 instant with offset; the Date header must equal it, offset included
  auto_submitted       true: "auto-generated" must be present; false: the header must be absent
  content_language     exact value
  body_contains        strings the decoded text/plain body must contain (line breaks as LF)
  message_contains     strings that must appear in the decoded subject or body
  forbid               strings that must appear nowhere: not in the decoded body, nor in any decoded header
  headers_absent       header names that must not be present
  parts                for multipart messages: [{"content_type": ..., "contains": [...]}], the
                       text parts of the multipart/alternative, in order
  attachments          [{"filename": ..., "content_type": ..., "content": ...}]

Besides, every message must: end every line with CRLF and have no bare CR or LF; be 7-bit;
have no line longer than 78 characters; parse with email.policy.strict with no defects in the
message or in any header; carry MIME-Version 1.0; encode every text part as quoted-printable
UTF-8 whose lines are at most 76 characters. Prints one line per failure and exits 1 if any.
"""
import datetime
import email
import email.header
import email.policy
import email.utils
import json
import sys


def check_raw(raw, fail):
    if not raw.endswith(b"\r\n"):
        fail("does not end with CRLF")
    for number, line in enumerate(raw.split(b"\r\n")[:-1], start=1):
        if b"\r" in line or b"\n" in line:
            fail(f"line {number} has a bare CR or LF")
        if len(line) > 78:
            fail(f"line {number} is {len(line)} characters long")
        if any(byte > 127 for byte in line):
            fail(f"line {number} is not 7-bit")


def check_headers(message, fail, forbid):
    for name, value in message.items():
        defects = getattr(value, "defects", ())
        if defects:
            fail(f"header {name} has defects: {defects}")
        text = str(value)
        if "\r" in text or "\n" in text:
            fail(f"header {name} decodes to more than one line")
        for word in forbid:
            if word in text:
                fail(f"header {name} reveals {word!r}")


def check_text_part(part, fail, raw_lines):
    if part.get_content_charset() != "utf-8":
        fail(f"{part.get_content_type()} part is not UTF-8: {part.get_content_charset()}")
    if part["Content-Transfer-Encoding"] != "quoted-printable":
        fail(f"{part.get_content_type()} part is not quoted-printable")
    payload = part.get_payload(decode=False)
    for line in payload.split("\r\n"):
        if len(line) > 76:
            fail(f"quoted-printable line longer than 76: {line!r}")
        if line.endswith(" ") or line.endswith("\t"):
            fail(f"quoted-printable line ends in white space: {line!r}")
    return part.get_content().replace("\r\n", "\n")


def mailbox(header, raw_value, fail, label):
    """The one mailbox of an address header, its display name decoded as RFC 2047 says.

    Python's structured parser puts a space between adjacent encoded-words of a display name,
    where RFC 2047 section 6.2 says the white space between them is ignored; so the name is
    decoded from the raw value, and the structured parser's reading is only checked to agree
    but for spaces."""
    addresses = header.addresses if header is not None else ()
    if len(addresses) != 1:
        fail(f"{label} has {len(addresses)} addresses")
        return None
    name, address = email.utils.parseaddr(raw_value.replace("\r\n", "").replace("\n", ""))
    if "=?" in name:
        name = str(email.header.make_header(email.header.decode_header(name)))
    if address != addresses[0].addr_spec:
        fail(f"{label} address reads {address!r} raw but {addresses[0].addr_spec!r} parsed")
    if name.replace(" ", "") != addresses[0].display_name.replace(" ", ""):
        fail(f"{label} name reads {name!r} raw but {addresses[0].display_name!r} parsed")
    return {"name": name, "address": address}


def check_case(case):
    failures = []
    label = case["file"]

    def fail(text):
        failures.append(f"{label}: {text}")

    with open(case["file"], "rb") as handle:
        raw = handle.read()
    check_raw(raw, fail)
    try:
        message = email.message_from_bytes(raw, policy=email.policy.strict)
    except Exception as error:  # strict policy raises on the first defect
        fail(f"strict parser refused it: {error!r}")
        return failures
    if message.defects:
        fail(f"message defects: {message.defects}")
    forbid = case.get("forbid", [])
    check_headers(message, fail, forbid)
    if message["MIME-Version"] != "1.0":
        fail(f"MIME-Version is {message['MIME-Version']!r}")

    raw_headers = email.message_from_bytes(raw, policy=email.policy.compat32)
    for key, header in (("from", "From"), ("to", "To")):
        if key in case:
            got = mailbox(message[header], raw_headers[header] or "", fail, header)
            if got is not None and got != case[key]:
                fail(f"{header} is {got}, expected {case[key]}")
    exact = {"subject": "Subject", "message_id": "Message-ID", "in_reply_to": "In-Reply-To",
             "references": "References", "content_language": "Content-Language"}
    for key, header in exact.items():
        if key in case:
            values = message.get_all(header) or []
            if len(values) != 1:
                fail(f"{header} appears {len(values)} times")
            elif str(values[0]) != case[key]:
                fail(f"{header} is {str(values[0])!r}, expected {case[key]!r}")
    if "date" in case:
        expected = datetime.datetime.fromisoformat(case["date"])
        got = message["Date"].datetime if message["Date"] is not None else None
        if got != expected or (got is not None and got.utcoffset() != expected.utcoffset()):
            fail(f"Date is {got}, expected {expected}")
    if "auto_submitted" in case:
        value = message["Auto-Submitted"]
        if case["auto_submitted"] and value != "auto-generated":
            fail(f"Auto-Submitted is {value!r}, expected auto-generated")
        if not case["auto_submitted"] and value is not None:
            fail(f"Auto-Submitted is present ({value!r}) on a notice a person sent")
    for name in case.get("headers_absent", []):
        if message[name] is not None:
            fail(f"header {name} is present: {message[name]!r}")

    if "parts" in case or "attachments" in case:
        check_multipart(message, case, fail, forbid)
    else:
        if message.get_content_type() != "text/plain":
            fail(f"Content-Type is {message.get_content_type()}")
        body = check_text_part(message, fail, None)
        for word in case.get("body_contains", []):
            if word not in body:
                fail(f"body lacks {word!r}")
        subject = str(message["Subject"])
        for word in case.get("message_contains", []):
            if word not in subject and word not in body:
                fail(f"neither subject nor body has {word!r}")
        for word in forbid:
            if word in body:
                fail(f"body reveals {word!r}")
    return failures


def check_multipart(message, case, fail, forbid):
    alternative = message
    attachments = []
    if message.get_content_type() == "multipart/mixed":
        children = list(message.iter_parts())
        alternative = children[0]
        attachments = children[1:]
    expected_parts = case.get("parts", [])
    if len(expected_parts) > 1:
        if alternative.get_content_type() != "multipart/alternative":
            fail(f"expected multipart/alternative, got {alternative.get_content_type()}")
            return
        parts = list(alternative.iter_parts())
    else:
        parts = [alternative]
    if len(parts) != len(expected_parts):
        fail(f"{len(parts)} alternative parts, expected {len(expected_parts)}")
    for part, expected in zip(parts, expected_parts):
        if part.get_content_type() != expected["content_type"]:
            fail(f"part is {part.get_content_type()}, expected {expected['content_type']}")
        text = check_text_part(part, fail, None)
        for word in expected.get("contains", []):
            if word not in text:
                fail(f"{expected['content_type']} part lacks {word!r}")
        for word in forbid:
            if word in text:
                fail(f"{expected['content_type']} part reveals {word!r}")
    expected_attachments = case.get("attachments", [])
    if len(attachments) != len(expected_attachments):
        fail(f"{len(attachments)} attachments, expected {len(expected_attachments)}")
    for part, expected in zip(attachments, expected_attachments):
        if part.get_content_disposition() != "attachment":
            fail(f"attachment disposition is {part.get_content_disposition()}")
        if part.get_filename() != expected["filename"]:
            fail(f"attachment file name is {part.get_filename()!r}, expected {expected['filename']!r}")
        if part.get_content_type() != expected["content_type"]:
            fail(f"attachment type is {part.get_content_type()}")
        if part["Content-Transfer-Encoding"] != "base64":
            fail("attachment is not base64")
        content = part.get_payload(decode=True)
        if content != expected["content"].encode("utf-8"):
            fail("attachment content differs")


def main():
    with open(sys.argv[1], encoding="utf-8") as handle:
        cases = json.load(handle)
    failures = []
    for case in cases:
        failures += check_case(case)
    for failure in failures:
        # ASCII only, so test logs show every failure whatever the text in it.
        print(failure.encode("ascii", "backslashreplace").decode("ascii"))
    print(f"checked {len(cases)} messages, {len(failures)} failures")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
