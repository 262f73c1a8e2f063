#!/usr/bin/env python3
"""Summarises the CPU samples of a JFR recording (jdk.ExecutionSample) for request threads.

Usage: jfr print --json --events jdk.ExecutionSample --stack-depth 256 rec.jfr | bench/lib/jfr-profile.py
Prints the share of request-thread samples whose stack contains each of a list of markers
(inclusive time), and the top self frames.
"""
import json, sys, collections

MARKERS = [
    ("ResourceUrlEncodingFilter", "org.springframework.web.servlet.resource.ResourceUrlEncodingFilter"),
    ("ResourceUrlProvider.getForLookupPath", "org.springframework.web.servlet.resource.ResourceUrlProvider.getForLookupPath"),
    ("WebJars resolver", "LiteWebJarsResourceResolver"),
    ("ClassLoader.getResource", "java.lang.ClassLoader.getResource"),
    ("Thymeleaf rendering", "org.thymeleaf.TemplateEngine.process"),
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

data = json.load(sys.stdin)
events = data["recording"]["events"]
total = 0
hits = collections.Counter()
selfs = collections.Counter()
for e in events:
    thread = (e["values"].get("sampledThread") or {}).get("javaName") or ""
    if not thread.startswith("http-nio"):
        continue
    frames = e["values"]["stackTrace"]["frames"] if e["values"].get("stackTrace") else []
    names = [f["method"]["type"]["name"].replace("/", ".") + "." + f["method"]["name"] for f in frames]
    total += 1
    if names:
        selfs[names[0]] += 1
    joined = "\n".join(names)
    for label, marker in MARKERS:
        if marker in joined:
            hits[label] += 1
print(f"request-thread samples: {total}")
for label, _ in MARKERS:
    if total:
        print(f"  {label:40s} {100.0 * hits[label] / total:5.1f} %")
print("top self frames:")
for name, n in selfs.most_common(12):
    print(f"  {100.0 * n / max(total, 1):5.1f} %  {name}")
