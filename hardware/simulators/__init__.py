"""Simulated devices that speak the real protocols over real sockets."""
