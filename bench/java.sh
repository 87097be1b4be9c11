#!/usr/bin/env bash
# Prints the path of a java 21+ binary: JAVA_HOME's if new enough, else the newest under /usr/lib/jvm.
version() { "$1" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/{print $2}'; }
if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ] && [ "$(version "$JAVA_HOME/bin/java")" -ge 21 ]; then
  echo "$JAVA_HOME/bin/java"; exit 0
fi
for j in $(ls -d /usr/lib/jvm/*/bin/java 2>/dev/null | sort -rV); do
  if [ "$(version "$j")" -ge 21 ] 2>/dev/null; then echo "$j"; exit 0; fi
done
echo "no JDK 21+ found" >&2; exit 1
