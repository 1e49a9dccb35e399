import tensorflow.compat.v1 as tf
with tf.variable_scope("m", reuse=tf.AUTO_REUSE):
    a = tf.get_variable("w", [1])
    with tf.name_scope("s"):
        b = tf.get_variable("w", [1])
    c = tf.get_variable("s/x", [1])
    with tf.name_scope("s"):
        d = tf.get_variable("x", [1])
    with tf.name_scope("t"):
        e = tf.get_variable("y", [1])
    with tf.name_scope("t"):
        f = tf.get_variable("y", [1])
def layer():
    with tf.name_scope("l1"):
        w = tf.get_variable("k", [1])
    with tf.name_scope("l2"):
        w = tf.get_variable("k", [1])
