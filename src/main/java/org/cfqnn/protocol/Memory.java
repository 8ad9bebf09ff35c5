package org.cfqnn.protocol;

/**
 * What an entity keeps across restarts (the cloud's and edges' QNN parameters): a restarted entity
 * resumes from the last saved value. Provided per node by the emulator; thread-safe.
 */
public interface Memory {

    /** The last saved parameters of {@code owner}, a copy (null: none). */
    double[] load(Address owner);

    void save(Address owner, double[] params);
}
