/** One seed per run, split into independent, addressable streams per entity. */
package org.cfqnn.rng;
