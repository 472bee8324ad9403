# socsource as a container image: built with cargo in the Rust image, run
# from a slim Debian image as a non-root user (uid 10001).
#
#   docker build -t socsource:0.1.0 .
#   docker run --rm -u "$(id -u):$(id -g)" -v "$PWD:/work" -w /work socsource:0.1.0 batch profiles --out out
#
# The entry point is `socsource`; arguments are the subcommand's. `-u` runs
# it as you, so that it can write the mounted folder and the files are
# yours.
#
# Both base images are pinned to exact versions, so that a rebuild of the
# same source gives the same toolchain and the same system files. To move
# them on, pick the newest tags of the same form on Docker Hub
# (hub.docker.com/_/rust: `rust:<x.y.z>-slim-bookworm`, no older than the
# crate's rust-version; hub.docker.com/_/debian:
# `debian:bookworm-<yyyymmdd>-slim`), change both lines below, build, and
# run the image on profiles/ before pushing it.

# ---- build ----------------------------------------------------------------
FROM rust:1.95.0-slim-bookworm AS build
WORKDIR /src
# Strip the binary. Set before the first build: a profile setting changed
# between the two builds would rebuild every dependency.
ENV CARGO_PROFILE_RELEASE_STRIP=true

# The dependencies, in a layer of their own: the manifest and lockfile with
# stub sources, built once. A change to the sources leaves this layer
# cached; only a change to Cargo.toml or Cargo.lock rebuilds it. Cargo.toml
# names four [[bench]] targets, and cargo refuses a manifest whose targets
# have no file, so the benches are stubbed too (they are never built here).
COPY Cargo.toml Cargo.lock ./
RUN mkdir -p src benches \
 && echo 'fn main() {}' > src/main.rs \
 && touch src/lib.rs \
 && for b in render batch deep process; do echo 'fn main() {}' > "benches/$b.rs"; done \
 && cargo build --release --locked \
 && rm -rf target/release/.fingerprint/socsource-* target/release/deps/socsource-* \
      target/release/deps/libsocsource-* target/release/socsource

# The real sources: everything the binary compiles in (the templates and
# fonts through include_str!/include_bytes!). The stubs' build records were
# removed above, so cargo rebuilds socsource itself (and only it) whatever
# the copied files' modification times; the version check fails the build
# if the stub binary were ever what came out.
COPY src src
COPY templates templates
COPY fonts fonts
RUN cargo build --release --locked \
 && ./target/release/socsource --version | grep -q '^socsource '

# ---- run ------------------------------------------------------------------
FROM debian:bookworm-20251117-slim
# Only the fonts the product uses at run time. The PDF takes characters its
# bundled fonts lack (Chinese, Japanese, Korean) from an installed font,
# preferring Noto Sans CJK and always its regular weight (see
# docs/src/reports.md, "Fonts"). fonts-noto-cjk also installs Noto Serif
# CJK and the bold Sans (about 74 MB together), which nothing reads: they
# are removed in the same layer, so they never reach the image.
RUN apt-get update \
 && apt-get install -y --no-install-recommends fonts-noto-cjk \
 && rm -f /usr/share/fonts/opentype/noto/NotoSerifCJK* \
      /usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 --user-group --home-dir /work --no-create-home socsource \
 && mkdir -p /work && chown 10001:10001 /work
COPY --from=build /src/target/release/socsource /usr/local/bin/socsource
COPY --from=build /src/fonts/*.txt /usr/share/doc/socsource/fonts/
USER 10001:10001
WORKDIR /work
ENTRYPOINT ["socsource"]
CMD ["--help"]
