/**
 * The non-centralized protocol as pure state machines, one per entity (the air, APs, users, the cloud, the
 * edges): each handles its sealed input type at a given time and returns what that causes ({@link Effects}).
 *
 * <p>What happens in one step: the {@link World} regenerates the channel and sends each AP a {@link
 * Message.Pilot}; the {@link AccessPoint} estimates its CSI and uploads it ({@link Message.Csi}) to the
 * {@link Cloud} (and its {@link Edge}); the cloud assigns every AP ({@link Message.Assignment}); the edge
 * computes the AP's precoder ({@link Message.Precoder}); at the deadline the AP transmits ({@link
 * Message.Transmission}) and the world tells each {@link User} its rate ({@link Message.Reception}).
 * No Pekko here: the emulator runs these machines as actors.
 */
package org.cfqnn.protocol;
