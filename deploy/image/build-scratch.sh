#!/usr/bin/env bash
# build-scratch.sh: builds the stratumlab image FROM scratch, without a registry or a base image to pull. The
# image holds a Java runtime cut to the modules the jar needs (jdeps, then jlink), the jar, the launcher beside
# this script, and every shared library that these and the jar's native code (Netty's epoll and io_uring
# transports, the native PoW library) link against, copied from this machine: glibc and the few libraries the JVM
# needs, found by ldd. Besides them only a shell (the launcher, and the merge step's glob), tar (kubectl cp) and
# sleep (the results pod), and a user without privileges. Chosen over a minimal Debian root filesystem
# (debootstrap), which needs a package mirror and brings a package manager the image never uses.
#
# Run:    deploy/image/build-scratch.sh [--tag NAME] [--archive FILE] [--jar FILE]
# Expect: about 30 s (jdeps takes most of it); an image of about 70 MB for this machine's architecture,
#         by default localhost/stratumlab:dev, the image deploy/kubernetes/base names. --archive also writes it
#         as a docker-archive for `kind load image-archive FILE` or `ctr -n k8s.io images import FILE`.
# Needs:  a JDK 17 or newer with its jmods (JAVA_HOME, else the java on the PATH), buildah, glibc's ldd. The jar
#         is cli/target/stratumlab.jar, built first by ./stratumlab when it is missing or older than the sources;
#         --jar FILE takes that jar as it is (the Maven build's test of the image, which has just built it).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
default_tag="localhost/stratumlab:dev"
tag="$default_tag"
archive=""
jar=""

fail() { echo "build-scratch.sh: $*" >&2; exit 2; }

usage() {
  sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//'
}

while (($#)); do
  case "$1" in
    --tag) [[ $# -ge 2 && -n "$2" ]] || fail "--tag needs an image name, e.g. --tag $default_tag"; tag="$2"; shift 2 ;;
    --archive) [[ $# -ge 2 && -n "$2" ]] || fail "--archive needs a file name, e.g. --archive stratumlab.tar"; archive="$2"; shift 2 ;;
    --jar) [[ $# -ge 2 && -f "$2" ]] || fail "--jar needs the runnable jar, e.g. --jar cli/target/stratumlab.jar"; jar="$(readlink -f "$2")"; shift 2 ;;
    -h | --help) usage; exit 0 ;;
    *) fail "unknown argument '$1'; options: --tag NAME, --archive FILE, --jar FILE, --help" ;;
  esac
done

if [[ -n "${JAVA_HOME:-}" ]]; then
  jdk="$JAVA_HOME"
elif command -v java >/dev/null 2>&1; then
  jdk="$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")"
else
  fail "no JDK: set JAVA_HOME to a JDK 17 or newer"
fi
for tool in jdeps jlink jar; do
  [[ -x "$jdk/bin/$tool" ]] || fail "$jdk/bin/$tool not found: JAVA_HOME must be a JDK 17 or newer, not a JRE"
done
[[ -d "$jdk/jmods" ]] || fail "$jdk has no jmods/, which jlink needs (Debian: apt-get install openjdk-17-jmods)"
command -v buildah >/dev/null 2>&1 || fail "buildah not found (Debian: apt-get install buildah)"
command -v ldd >/dev/null 2>&1 || fail "ldd not found: the image's libraries are copied from a glibc system"

case "$(uname -m)" in
  x86_64) netty_arch=x86_64 ;;
  aarch64) netty_arch=aarch_64 ;;
  *) fail "unsupported architecture $(uname -m): Netty's native transports ship for x86_64 and aarch64" ;;
esac

if [[ -z "$jar" ]]; then
  "$root/stratumlab" --version >/dev/null # builds the jar when missing or stale, saying so on stderr
  jar="$root/cli/target/stratumlab.jar"
fi

work="$(mktemp -d)"
container=""
cleanup() {
  [[ -n "$container" ]] && buildah rm "$container" >/dev/null 2>&1
  rm -rf "$work"
}
trap cleanup EXIT
rootfs="$work/rootfs"
runtime="$rootfs/opt/java"

echo "build-scratch.sh: finding the modules the jar needs (jdeps, about 30 s)..." >&2
modules="$("$jdk/bin/jdeps" --print-module-deps --ignore-missing-deps --multi-release 17 "$jar")"
# java.desktop is needed for java.beans alone (Jackson and SnakeYAML read its annotations): its native libraries
# (AWT, fonts, sound, images) never load in a headless command and would pull X11, freetype and more in.
"$jdk/bin/jlink" --add-modules "$modules" --exclude-files='glob:/java.desktop/lib/**' --strip-debug \
  --no-header-files --no-man-pages --compress=2 --output "$runtime"

install -D -m 0644 "$jar" "$rootfs/opt/stratumlab/stratumlab.jar"
install -D -m 0755 "$root/deploy/image/stratumlab" "$rootfs/usr/local/bin/stratumlab"
install -D -m 0755 "$(readlink -f "$(command -v dash || command -v sh)")" "$rootfs/bin/sh"
install -D -m 0755 "$(readlink -f "$(command -v tar)")" "$rootfs/bin/tar"
install -D -m 0755 "$(readlink -f "$(command -v sleep)")" "$rootfs/bin/sleep"
# Netty and the PoW library unpack their native code into java.io.tmpdir and load it from there.
install -d -m 1777 "$rootfs/tmp"
install -d -m 0755 "$rootfs/etc"
printf 'root:x:0:0:root:/root:/bin/sh\nstratumlab:x:65532:65532:stratumlab:/nonexistent:/bin/sh\n' >"$rootfs/etc/passwd"
printf 'root:x:0:\nstratumlab:x:65532:\n' >"$rootfs/etc/group"
printf 'hosts: files dns\n' >"$rootfs/etc/nsswitch.conf"

# The native code inside the jar, unpacked here only to ask ldd what it links against.
native="$work/native"
mkdir -p "$native"
(cd "$native" && "$jdk/bin/jar" xf "$jar" META-INF/native org/stratumlab/pow/native)
mapfile -t elves < <(
  find "$runtime/bin" "$rootfs/bin" -type f
  find "$runtime/lib" -name '*.so'
  find "$native" -name "*_${netty_arch}.so" -o -path "*/linux-$(uname -m)/*.so"
)

# Every library an ELF file above links against, copied to the same path; one that cannot be found is an error,
# not a library left out. The runtime's own libraries (libjvm.so, found by the launcher) are searched first.
declare -A copied=()
for elf in "${elves[@]}"; do
  while read -r line; do
    case "$line" in
      *"=> not found"*) fail "${elf#"$work/"} links against ${line%% *}, which ldd cannot find on this machine" ;;
      *"=> /"*) lib="${line#*=> }" ;;
      /*) lib="$line" ;;
      *) continue ;; # linux-vdso.so.1 is the kernel's, not a file
    esac
    lib="${lib%% (*}"
    [[ "$lib" == "$rootfs"/* || -n "${copied[$lib]:-}" ]] && continue
    copied[$lib]=1
    install -D -m 0755 "$(readlink -f "$lib")" "$rootfs$lib"
  done < <(LD_LIBRARY_PATH="$runtime/lib:$runtime/lib/server" ldd "$elf")
done

container="$(buildah from scratch)"
buildah copy --quiet "$container" "$rootfs" / >/dev/null
buildah config \
  --env PATH=/usr/local/bin:/opt/java/bin:/bin \
  --env JAVA_HOME=/opt/java \
  --user 65532:65532 \
  --entrypoint '["stratumlab"]' \
  --cmd '["--help"]' \
  --label org.opencontainers.image.title=stratumlab \
  --label "org.opencontainers.image.description=Stratum Lab, FROM scratch: a jlinked runtime ($modules)" \
  "$container"
buildah commit --quiet --rm "$container" "$tag" >/dev/null
container=""
if [[ -n "$archive" ]]; then
  rm -f "$archive"
  buildah push --quiet "$tag" "docker-archive:$archive:$tag"
fi
echo "build-scratch.sh: built $tag ($(du -sh "$rootfs" | cut -f1), ${#copied[@]} libraries from this machine)${archive:+; wrote $archive}"
