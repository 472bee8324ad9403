# socsource as a container image: build with cargo in the Rust image, run
# from a slim Debian image as a non-root user.
#
#   docker build -t socsource:0.1.0 .
#   docker run --rm -v "$PWD:/work" -w /work -u "$(id -u):$(id -g)" \
#     socsource:0.1.0 batch profiles --out out
#
# The entry point is `socsource`; arguments are the subcommand's.

# ---- build ----------------------------------------------------------------
FROM rust:1-slim-bookworm AS build
WORKDIR /src
# The manifest and lockfile first, so the dependencies are a layer of their
# own that a source change does not rebuild. Cargo.toml names the benches,
# so cargo needs their files to read the manifest.
COPY Cargo.toml Cargo.lock ./
COPY benches benches
RUN mkdir src \
 && echo 'fn main() {}' > src/main.rs \
 && touch src/lib.rs \
 && cargo fetch --locked
# The real sources: everything the binary compiles in (templates and fonts
# through include_str!/include_bytes!).
COPY src src
COPY templates templates
COPY fonts fonts
COPY schema schema
ENV CARGO_PROFILE_RELEASE_STRIP=true
RUN touch src/main.rs src/lib.rs \
 && cargo build --release --locked --bin socsource \
 && ./target/release/socsource --version

# ---- run ------------------------------------------------------------------
FROM debian:bookworm-slim
# Noto CJK: the PDF takes characters its bundled fonts lack (Chinese,
# Japanese, Korean) from an installed font.
RUN apt-get update \
 && apt-get install -y --no-install-recommends fonts-noto-cjk \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 --user-group --home-dir /work --no-create-home socsource \
 && mkdir -p /work && chown 10001:10001 /work
COPY --from=build /src/target/release/socsource /usr/local/bin/socsource
COPY --from=build /src/fonts/*.txt /usr/share/doc/socsource/fonts/
USER 10001:10001
WORKDIR /work
ENTRYPOINT ["socsource"]
CMD ["--help"]
