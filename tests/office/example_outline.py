# The macro API's Python example (docs/macro-api.md#examples): the outline of a
# document from org.scrqm.ReviewAssistant.
# Start an office first, e.g.
#   soffice --headless --accept="socket,host=127.0.0.1,port=2002;urp;" &
# and run:  /usr/bin/python3 example_outline.py report.docx [port]
import json
import sys

import uno
from com.sun.star.beans import NamedValue, PropertyValue


def arg(name, value, kind=NamedValue):
    v = kind()
    v.Name, v.Value = name, value
    return v


def outline(path, port=2002):
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext(
        "com.sun.star.bridge.UnoUrlResolver", local)
    ctx = resolver.resolve(
        "uno:socket,host=127.0.0.1,port=%d;urp;StarOffice.ComponentContext" % port)
    desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
    doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(path), "_blank", 0,
                                       (arg("Hidden", True, PropertyValue),
                                        arg("ReadOnly", True, PropertyValue)))
    try:
        assistant = ctx.ServiceManager.createInstanceWithContext("org.scrqm.ReviewAssistant", ctx)
        answer = json.loads(assistant.execute((arg("Action", "outline"), arg("Document", doc))))
        if "error" in answer:
            raise RuntimeError(answer["error"])
        return answer
    finally:
        doc.close(True)


if __name__ == "__main__":
    import os
    result = outline(os.path.abspath(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 2002)
    for section in result["sections"]:
        print("  " * section["level"] + section["title"])
