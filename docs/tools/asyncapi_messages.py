#!/usr/bin/env python3
"""Writes the AsyncAPI messages and schemas of one context's events from their payload records.

Usage: python3 docs/tools/asyncapi_messages.py evaluation hrm.evaluation.events evaluationEvents
Reads platform/contracts/src/main/java/org/hrmobility/contracts/<context>/*.java (records with a Javadoc),
replaces the context's channel messages and appends (or replaces) its message and schema entries.
"""
import re
import sys
from pathlib import Path

TYPES = {"String": "{type: string}", "boolean": "{type: boolean}", "int": "{type: integer}", "long": "{type: integer}",
         "LocalDate": "{type: string, format: date}", "Instant": "{type: string, format: date-time}",
         "List<String>": "{type: array, items: {type: string}}"}


def records(context):
    folder = Path("platform/contracts/src/main/java/org/hrmobility/contracts") / context
    for java in sorted(folder.glob("*.java")):
        text = java.read_text()
        m = re.search(r"/\*\*(.*?)\*/\s*public record (\w+)\((.*?)\)\s*\{", text, re.S)
        if not m:
            continue
        doc = " ".join(line.strip(" *") for line in m.group(1).splitlines() if line.strip(" *")).split(". Carries")[0]
        fields = [f.strip().rsplit(" ", 1) for f in m.group(3).split(",\n")]
        yield m.group(2), doc.rstrip(".") + ".", fields


def main(context, topic, channel):
    doc_path = Path("docs/asyncapi.yaml")
    text = doc_path.read_text()
    events = list(records(context))
    messages = "".join(f"      {n[0].lower() + n[1:]}:\n        $ref: '#/components/messages/{n}'\n" for n, _, _ in events)
    text = re.sub(rf"(  {channel}:\n    address: {re.escape(topic)}\n    description: [^\n]*\n    messages:)( \{{\}}\n|\n(?:      [^\n]*\n)*)",
                  lambda m: m.group(1) + "\n" + messages, text)
    for name, doc, fields in events:
        message = (f"    {name}:\n      name: hrm.{context}.{name}.v1\n      summary: \"{doc}\"\n      headers:\n"
                   f"        $ref: '#/components/schemas/CloudEventHeaders'\n      payload:\n"
                   f"        $ref: '#/components/schemas/{name}'\n")
        props = "".join(f"        {n}: {TYPES.get(t, '{type: string}')}\n" for t, n in fields)
        schema = f"    {name}:\n      type: object\n      properties:\n{props}"
        text = re.sub(rf"    {name}:\n      name: [^\n]*\n(?:      [^\n]*\n|        [^\n]*\n)*", "", text)
        text = re.sub(rf"    {name}:\n      type: object\n(?:      [^\n]*\n|        [^\n]*\n)*", "", text)
        text = text.replace("  schemas:\n", message + "  schemas:\n", 1) + schema
    doc_path.write_text(text)


if __name__ == "__main__":
    main(*sys.argv[1:4])
