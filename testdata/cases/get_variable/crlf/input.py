import tensorflow as tf

with tf.name_scope("crlf"):
    v = tf.get_variable(
        "v", [1])
