import tensorflow as tf

with tf.name_scope("crlf"):
    v = tf.get_variable(
        "crlf/v", [1])
