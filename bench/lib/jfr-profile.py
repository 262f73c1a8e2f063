#!/usr/bin/env python3
"""Summarises the CPU samples of a JFR recording (jdk.ExecutionSample) for request threads.

Usage: jfr print --events jdk.ExecutionSample --stack-depth 256 rec.jfr | bench/lib/jfr-profile.py
Reads jfr's text format line by line (its JSON format is tens of times larger: 2 GB for a
100k run, minutes to load).
Prints the share of request-thread samples whose stack contains each of a list of markers
(inclusive time), and the top self frames.
"""
import sys, collections

MARKERS = [
    ("ResourceUrlEncodingFilter", "org.springframework.web.servlet.resource.ResourceUrlEncodingFilter"),
    ("ResourceUrlProvider.getForLookupPath", "org.springframework.web.servlet.resource.ResourceUrlProvider.getForLookupPath"),
    ("WebJars resolver", "LiteWebJarsResourceResolver"),
    ("ClassLoader.getResource", "java.lang.ClassLoader.getResource"),
    ("Thymeleaf rendering", "org.thymeleaf.TemplateEngine.process"),
    ("  of which SpEL (template expressions)", "org.springframework.expression.spel."),
    ("Application code (io.tidecrm)", "io.tidecrm."),
    ("Hibernate", "org.hibernate."),
    ("JDBC driver", "org.postgresql."),
    ("Hikari", "com.zaxxer.hikari."),
    ("Spring transactions", "org.springframework.transaction."),
    ("Spring Session", "org.springframework.session."),
    ("Security filters", "org.springframework.security.web.FilterChainProxy"),
    ("Message source", "org.springframework.context.support.AbstractMessageSource"),
    ("Jackson", "com.fasterxml.jackson"),
    ("Logging", "ch.qos.logback"),
]

total = 0
hits = collections.Counter()
selfs = collections.Counter()


def count(thread, names):
    global total
    if not thread.startswith("http-nio"):
        return
    total += 1
    if names:
        selfs[names[0]] += 1
    joined = "\n".join(names)
    for label, marker in MARKERS:
        if marker in joined:
            hits[label] += 1


thread, names, in_stack = "", [], False
for line in sys.stdin:
    line = line.strip()
    if line.startswith("jdk.ExecutionSample"):
        thread, names, in_stack = "", [], False
    elif line.startswith("sampledThread = "):
        thread = line.split('"')[1] if '"' in line else ""
    elif line.startswith("stackTrace = ["):
        in_stack = True
    elif in_stack and line == "]":
        in_stack = False
    elif in_stack and line and line != "...":
        names.append(line.split("(", 1)[0])
    elif line == "}":
        count(thread, names)
        thread, names = "", []
print(f"request-thread samples: {total}")
for label, _ in MARKERS:
    if total:
        print(f"  {label:40s} {100.0 * hits[label] / total:5.1f} %")
print("top self frames:")
for name, n in selfs.most_common(12):
    print(f"  {100.0 * n / max(total, 1):5.1f} %  {name}")
