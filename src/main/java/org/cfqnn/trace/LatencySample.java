package org.cfqnn.trace;

import java.util.Map;

/**
 * The protocol latency an AP measured on a traced message ({@code protocolLatencyNs}) and its parts
 * ({@code breakdownNs}, part name -> ns, in the line's order), which add up to it.
 */
public record LatencySample(long nanos, Map<String, Long> partsNs) {

    public LatencySample {
        partsNs = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(partsNs));
    }
}
