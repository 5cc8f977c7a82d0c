package dev.wheelhouse.service;

/** A Pod, by name, and the port of it a forward connects to. */
public record PodPort(String pod, int port) {
}
