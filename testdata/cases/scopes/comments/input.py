import tensorflow as tf


def f(x, y, name=None):
    with tf.op_scope(
        # the tensors this scope reads
        [x, y],  # values
        name,  # caller's name
        "F",
    ):
        pass
    with tf.op_scope([x],  # just x
                     name):
        pass
    # tf.op_scope([x], name) in a comment stays
    doc = """tf.op_scope([x], name) in a string stays"""
    return doc
