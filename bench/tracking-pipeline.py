#!/usr/bin/env python3
"""Pipelined SETs from one RESP3 client with CLIENT TRACKING on (which redis-benchmark cannot turn on), in ops/s.

usage: bench/tracking-pipeline.py [--seconds S] [--pipeline P] [--rounds R] [--no-tracking] NAME=PORT ...

Each round measures every NAME=PORT in turn (the order alternating from round to round), and the medians are printed
with each server's ratio to the first one's, measured in the same run. The keys (10,000 of them, 16-byte values) are
never read, so no invalidation is sent: what is measured is the cost tracking adds to a client's writes.
"""
import argparse
import socket
import statistics
import time


def encode(*args):
    out = [b"*%d\r\n" % len(args)]
    for a in args:
        a = a if isinstance(a, bytes) else str(a).encode()
        out.append(b"$%d\r\n%s\r\n" % (len(a), a))
    return b"".join(out)


def read_until(sock, ending):
    data = b""
    while not data.endswith(ending):
        chunk = sock.recv(65536)
        if not chunk:
            raise ConnectionError("closed")
        data += chunk
    return data


def connect(port, tracking):
    sock = socket.create_connection(("127.0.0.1", port))
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    setup = encode("HELLO", "3") + (encode("CLIENT", "TRACKING", "on") if tracking else b"") + encode("PING", "ready")
    sock.sendall(setup)
    reply = read_until(sock, b"$5\r\nready\r\n")
    assert not tracking or b"+OK\r\n$5" in reply, reply
    return sock


def measure(port, seconds, pipeline, tracking):
    sock = connect(port, tracking)
    value = b"v" * 16
    batches = [b"".join(encode("SET", b"trackbench:%d" % ((b * pipeline + i) % 10000), value) for i in range(pipeline))
               for b in range(10000 // pipeline)]
    expected = b"+OK\r\n" * pipeline
    done = 0
    start = time.perf_counter()
    deadline = start + seconds
    b = 0
    while time.perf_counter() < deadline:
        sock.sendall(batches[b])
        b = (b + 1) % len(batches)
        got = b""
        while len(got) < len(expected):
            chunk = sock.recv(65536)
            if not chunk:
                raise ConnectionError("closed")
            got += chunk
        assert got == expected, got[:200]
        done += pipeline
    elapsed = time.perf_counter() - start
    sock.close()
    return done / elapsed


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=5)
    parser.add_argument("--pipeline", type=int, default=100)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--no-tracking", action="store_true")
    parser.add_argument("servers", nargs="+", help="NAME=PORT")
    args = parser.parse_args()
    servers = [(s.split("=")[0], int(s.split("=")[1])) for s in args.servers]
    results = {name: [] for name, _ in servers}
    for r in range(args.rounds):
        order = servers if r % 2 == 0 else list(reversed(servers))
        for name, port in order:
            ops = measure(port, args.seconds, args.pipeline, not args.no_tracking)
            results[name].append(ops)
            print(f"round {r + 1} {name}: {ops:,.0f} SET/s", flush=True)
    first = servers[0][0]
    for name, _ in servers:
        ratios = [a / b for a, b in zip(results[name], results[first])]
        print(f"{name}: median {statistics.median(results[name]):,.0f} SET/s, ratio to {first} "
              f"{statistics.median(ratios):.2f} (rounds {min(ratios):.2f}..{max(ratios):.2f})")


if __name__ == "__main__":
    main()
