import sys
import tensorflow as tf


def layer(x, name=None):
    print "building", name
    print >>sys.stderr, "layer:", name,
    print
    with tf.op_scope([x], name, "Layer") as scope:
        print >> sys.stderr, \
            "scope", scope
        return tf.identity(x, name=scope)
