#!/usr/bin/env bash
# scrqm: one script for a fresh Debian 12 machine.
#   ./setup.sh        install the Debian packages (with sudo when not root), build,
#                     and run `scrqm outline` and the pre-publication check on the
#                     bundled sample report
#   ./setup.sh test   the same install and build, then every test: core unit tests,
#                     command-line golden tests and office integration tests in a real
#                     LibreOffice, then the core tests again under ASan/UBSan
# Nothing is installed outside this directory except Debian packages.
set -euo pipefail
cd "$(dirname "$0")"

PACKAGES=(
  cmake g++ make clang-format         # build and style check
  libboost-dev libicu-dev libgtest-dev  # core: Boost.PropertyTree, ICU, GoogleTest
  libsodium-dev pkg-config            # core: the case register's passphrase, sealing, keyed hashes
  zlib1g-dev                          # core: bounding what a .docx or .odt unpacks to
  libreoffice-dev                     # SDK: cppumaker, C++ UNO headers and libraries
  libreoffice-writer libreoffice-core # the office the extension runs in (GUI build: sidebar)
  python3-uno                         # office integration tests (/usr/bin/python3)
  xvfb imagemagick xdotool x11-utils  # sidebar screenshots under Xvfb
  clang libclang-rt-14-dev            # libFuzzer targets of the scanners and every parser
  fonts-liberation2 fonts-dejavu-core # predictable rendering
)

install_packages() {
  local missing=()
  for p in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  echo "setup: installing ${missing[*]}" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

JOBS=$(nproc 2>/dev/null || echo 2)

build() {
  cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
  cmake --build build -j"$JOBS"
}

run_tests() {
  ctest --test-dir build --output-on-failure -j"$JOBS"
  # The core again, with AddressSanitizer and UndefinedBehaviorSanitizer.
  cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DSCRQM_WITH_OFFICE=OFF -DSCRQM_SANITIZE=ON >/dev/null
  cmake --build build-asan -j"$JOBS"
  ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
    ctest --test-dir build-asan --output-on-failure -j"$JOBS"
  # A bounded libFuzzer run (20 s each) on the text reader and the scanner,
  # and on every parser (tests/fuzz/run_all.sh BUDGET runs them longer).
  cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_COMPILER=clang++ \
    -DSCRQM_WITH_OFFICE=OFF -DSCRQM_FUZZ=ON >/dev/null
  cmake --build build-fuzz -j"$JOBS" --target fuzz_all
  ctest --test-dir build-fuzz --output-on-failure -R '^fuzz\.'
}

install_packages
build
case "${1:-}" in
  test) run_tests ;;
  "")
    # The main job on the bundled sample: its outline, then the pre-publication
    # check with the board's HTML report. The sample has planted identifiers,
    # so the check's exit status 1 (error-severity findings) is expected here.
    SAMPLE=addin/data/sample/sample-scr-report.docx
    ALLOW=addin/data/sample/sample-scr-report.allow.txt
    build/scrqm outline "$SAMPLE"
    echo
    build/scrqm check --allow-file "$ALLOW" "$SAMPLE" || [ $? -eq 1 ]
    build/scrqm check --allow-file "$ALLOW" --format html --output build/sample-report.html \
      "$SAMPLE" || [ $? -eq 1 ]
    echo "setup: the board's report for the sample is build/sample-report.html (identifiers masked)"
    ;;
  *) echo "usage: ./setup.sh [test]" >&2; exit 2 ;;
esac
