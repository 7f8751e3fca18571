# The stratumlab image: the one runnable jar on an official Java 17 runtime, run by a user without privileges.
#
# Build:  ./stratumlab --version                  (builds cli/target/stratumlab.jar, which the image copies)
#         docker build -t localhost/stratumlab:dev .        (or podman build; the context is the repository root)
# Run:    docker run --rm localhost/stratumlab:dev --help
# Expect: an image whose entrypoint is the stratumlab command. Without a registry to pull the
#         base image from: deploy/image/build-scratch.sh builds the same command FROM scratch.
FROM eclipse-temurin:17-jre

COPY deploy/image/stratumlab /usr/local/bin/stratumlab
COPY cli/target/stratumlab.jar /opt/stratumlab/stratumlab.jar

# A numeric user: Kubernetes' runAsNonRoot can only verify a numeric one. 65532 is the distroless "nonroot" uid,
# the one deploy/kubernetes runs as.
RUN groupadd --system --gid 65532 stratumlab \
    && useradd --system --uid 65532 --gid 65532 --no-create-home --home-dir /nonexistent stratumlab
USER 65532:65532

ENTRYPOINT ["stratumlab"]
CMD ["--help"]
