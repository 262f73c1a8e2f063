#!/usr/bin/env bash
# Signs a user in and prints "SESSION=<id>" (the cookie wrk sends). $1 base URL, $2 user, $3 password.
set -euo pipefail
base=$1 user=$2 pass=$3
jar=$(mktemp)
trap 'rm -f "$jar"' EXIT
csrf=$(curl -s -c "$jar" -b "$jar" "$base/login" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//')
curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode "username=$user" --data-urlencode "password=$pass" \
    --data-urlencode "_csrf=$csrf" "$base/login"
awk '$6 == "SESSION" {print "SESSION=" $7}' "$jar"
