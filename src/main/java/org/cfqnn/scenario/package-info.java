/** Scenario files and application.conf read once into validated, typed settings; errors name the key. */
package org.cfqnn.scenario;
