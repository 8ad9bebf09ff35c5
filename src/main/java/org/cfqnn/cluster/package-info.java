/**
 * Multi-JVM runs on Pekko Cluster: a node's configuration and roles, how the world node discovers the cloud
 * and edge nodes (receptionist listings, cluster events), and how the nodes stop.
 */
package org.cfqnn.cluster;
