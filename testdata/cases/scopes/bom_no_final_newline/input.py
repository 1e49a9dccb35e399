import tensorflow as tf
with tf.op_scope([1], "n"):
    pass