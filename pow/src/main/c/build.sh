#!/usr/bin/env bash
# Builds the native PoW library into the pow module's classes, when it can: Linux x86-64, a C compiler
# (gcc, or $CC) and the JDK's jni.h. Without them the build goes on and Java runs without the `native`
# implementation. The outcome goes to native-build.txt beside the classes, for the tests: "built", "skipped: why"
# or "failed: why" (a failure does not stop the build, but the pow tests then fail and show why).
#
# Usage: build.sh SOURCE_DIR CLASSES_DIR JAVA_HOME
set -uo pipefail

src="$1"
classes="$2"
java_home="$3"
out_dir="$classes/org/stratumlab/pow/native/linux-x86_64"
lib="$out_dir/libstratumlab-pow.so"
status="$classes/org/stratumlab/pow/native/native-build.txt"
mkdir -p "$out_dir"

report() { # status line, then a message for the build log
  printf '%s\n' "$1" >"$status"
  echo "[native] $2"
}

if [[ "${STRATUMLAB_NATIVE:-}" == "skip" ]]; then
  report "skipped: STRATUMLAB_NATIVE=skip" "skipped: STRATUMLAB_NATIVE=skip"; exit 0
fi
if [[ "$(uname -s)-$(uname -m)" != "Linux-x86_64" ]]; then
  report "skipped: only Linux x86-64 is built" "not Linux x86-64: building without the native PoW library"; exit 0
fi
cc="${CC:-gcc}"
if ! command -v "$cc" >/dev/null 2>&1; then
  report "skipped: no C compiler ($cc)" "no C compiler ($cc): building without the native PoW library"; exit 0
fi
include=""
for dir in "$java_home/include" "$java_home/../include" "${JAVA_HOME:-/nonexistent}/include" /usr/lib/jvm/*/include; do
  if [[ -f "$dir/jni.h" && -f "$dir/linux/jni_md.h" ]]; then include="$dir"; break; fi
done
if [[ -z "$include" ]]; then
  report "skipped: no jni.h" "no jni.h under $java_home: building without the native PoW library"; exit 0
fi
if [[ -f "$lib" && -z "$(find "$src" -newer "$lib" -print -quit)" ]]; then
  report "built" "up to date: $lib"; exit 0
fi
log="$(mktemp)"
# -O2, not -O3: on the benchmark machines gcc's -O3 made the scalar permutation slower (more spills).
if "$cc" -O2 -std=gnu11 -fPIC -shared -Wall -Wextra -fno-strict-aliasing -I"$include" -I"$include/linux" \
    -o "$lib.tmp" "$src/stratumlab_pow.c" >"$log" 2>&1; then
  mv "$lib.tmp" "$lib"
  report "built" "built $lib with $cc"
else
  rm -f "$lib.tmp" "$lib"
  report "failed: $cc: $(head -c 2000 "$log" | tr '\n' ' ')" "compiling failed ($cc), building without the native PoW library:"
  cat "$log"
fi
rm -f "$log"
exit 0
