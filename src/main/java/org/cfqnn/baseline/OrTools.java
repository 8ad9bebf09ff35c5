package org.cfqnn.baseline;

import com.google.ortools.Loader;

/**
 * Loads OR-Tools' native libraries (shipped as resources of the ortools-linux-x86-64 and other platform
 * jars, unpacked to a temporary directory) the first time a solver needs them, once per JVM: the
 * holder class's initializer runs once, under the JVM's class-initialization lock.
 */
final class OrTools {

    private OrTools() {
    }

    static void load() {
        Native.ready();
    }

    private static final class Native {
        static {
            Loader.loadNativeLibraries();
        }

        static void ready() {
            // class initialization above is the work
        }
    }
}
